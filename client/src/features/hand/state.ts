import type { HandEvent } from "../../../../core/protocol";
import type { SessionState } from "../session/state";
import { upsertBy } from "../session/upsert";

/** Staff's view of the raise-hand queue (participants only ever get their own hand, in `me`). */
export function applyHand(s: SessionState, e: HandEvent): void {
  switch (e.type) {
    case "hand/upsert": {
      s.hands = upsertBy(s.hands, e.hand, (h) => h.registrationId);
      return;
    }
    case "hand/removed":
      s.hands = s.hands.filter((h) => h.registrationId !== e.registrationId);
      return;
    default:
      return e satisfies never;
  }
}
