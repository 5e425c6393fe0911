import type { PresencePerson } from "../../../../core/protocol";
import { defineSlice } from "../session/slice";

export const presence = defineSlice({
  feature: "presence",
  /** `people` (staff only) by registration id. */
  empty: () => ({ presence: { count: 0, people: {} as Record<string, PresencePerson> } }),
  snapshot(s, snap) {
    s.presence = {
      count: snap.presence.count,
      people: Object.fromEntries((snap.presence.people ?? []).map((p) => [p.registrationId, p])),
    };
  },
  events: {
    "presence/people"(s, e) {
      const people = { ...s.presence.people };
      for (const id of e.left) delete people[id];
      for (const p of e.joined) people[p.registrationId] = p;
      s.presence.people = people;
    },
  },
  frames: {
    "presence/count"(s, f) {
      s.presence.count = f.count;
    },
  },
});
