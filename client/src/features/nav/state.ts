import type { NavSnapshot } from "../../../../core/protocol";
import { defineSlice } from "../session/slice";

/** A moderator's "everyone to …" in this session (see durable-objects/session/features/nav/handler.ts). */
export const nav = defineSlice({
  feature: "nav",
  empty: () => ({ nav: { to: null, at: null } as NavSnapshot }),
  snapshot(s, snap) {
    s.nav = snap.nav;
  },
  events: {
    "nav/sent"(s, e) {
      s.nav = { to: e.to, at: e.at };
    },
  },
});
