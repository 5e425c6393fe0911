import type { HandEntry } from "../../../../core/protocol";
import { defineSlice } from "../session/slice";
import { mergeBy, upsertBy } from "../session/upsert";

const person = (h: HandEntry) => h.registrationId;

/** Staff's view of the raise-hand queue (participants only ever get their own hand, in `me`). */
export const hand = defineSlice({
  feature: "hand",
  /** Staff only: the raise-hand queue, waiting and live. */
  empty: () => ({ hands: [] as HandEntry[] }),
  mine: () => ({ hand: { status: "none" } }),
  snapshot(s, snap) {
    s.hands = mergeBy(s.hands, snap.hands ?? [], person);
  },
  events: {
    "hand/upsert"(s, e) {
      s.hands = upsertBy(s.hands, e.hand, person);
    },
    "hand/removed"(s, e) {
      s.hands = s.hands.filter((h) => h.registrationId !== e.registrationId);
    },
  },
  frames: {
    "hand/mine"(s, f) {
      s.me.hand = f.hand;
    },
  },
});
