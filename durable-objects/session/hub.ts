import { clock } from "../features/clock";
import { rtc } from "../features/rtc";
import { withoutFrames } from "../runtime/feature";
import { defineObject } from "../runtime/plan";
import { invite } from "./features/invite";

/**
 * An event's hub (`hub:<eventId>`): every open portal page is connected to it, for 1:1
 * invitations and their calls. It is served by the session object's class for now, with its own
 * list of features: nothing of a programme session runs here.
 */
export const hubFeatures = [
  invite,
  clock,
  // Call moderation has no place in private 1:1 calls: nobody but the two may act on them.
  withoutFrames(
    rtc(async () => "hub"),
    ["rtc/remove", "rtc/end"],
  ),
] as const;

export const hubObject = defineObject({ features: hubFeatures });
