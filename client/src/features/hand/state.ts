import type { HandEvent } from "../../../../durable-objects/session/protocol";
import type { SessionState } from "../session/state";

/** Staff's view of the raise-hand queue (participants only ever get their own hand, in `me`). */
export function applyHand(s: SessionState, e: HandEvent): void {
  switch (e.type) {
    case "hand/upsert": {
      const i = s.hands.findIndex((h) => h.registrationId === e.hand.registrationId);
      s.hands = i < 0 ? [...s.hands, e.hand] : s.hands.map((h, j) => (j === i ? e.hand : h));
      return;
    }
    case "hand/removed":
      s.hands = s.hands.filter((h) => h.registrationId !== e.registrationId);
      return;
    default:
      return e satisfies never;
  }
}
