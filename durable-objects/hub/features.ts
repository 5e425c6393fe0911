import { clock } from "../features/clock";
import { rtc } from "../features/rtc";
import { withoutFrames } from "../runtime/feature";
import { defineObject } from "../runtime/plan";
import { invite } from "./features/invite";
import { reports } from "../session/features/reports";

/**
 * The event hub's live features. Every open portal page is connected to its event's hub, for 1:1
 * invitations and their calls; nothing of a programme session runs here, and the hub's storage
 * holds only the runtime's tables and these features' (invitations, blocks, 1:1s, calls, the
 * reports' outbox).
 */
export const hubFeatures = [
  invite,
  // The reports' outbox: each 1:1 chat reaches D1 for the engagement report (as the sessions' visits do).
  reports,
  clock,
  // Call moderation has no place in private 1:1 calls: nobody but the two may act on them.
  withoutFrames(
    rtc(async () => "hub"),
    ["rtc/remove", "rtc/end"],
  ),
] as const;

export const hubObject = defineObject({ features: hubFeatures });
