import * as v from "valibot";
import type { Role } from "./identity";
import type { WireFrame } from "./wire";

export const DeviceClasses = ["desktop", "mobile", "tablet", "other"] as const;
export type DeviceClass = (typeof DeviceClasses)[number];

/**
 * First frame on every connection. `lastSeq` is the last session event the client saw. A client
 * ignores events that arrive on a connection before its welcome: the replay (or snapshot) sent
 * right after the welcome covers them, in order.
 */
export const HelloFrame = v.strictObject({
  type: v.literal("hello"),
  v: v.pipe(v.number(), v.integer()),
  lastSeq: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  device: v.optional(v.picklist(DeviceClasses)),
});
export type HelloFrame = v.InferOutput<typeof HelloFrame>;

export type WelcomeFrame = WireFrame<
  "welcome",
  {
    v: number;
    sessionId: string;
    you: { registrationId: string; name: string; role: Role };
    /** Server clock (epoch ms) so clients can show shared countdowns. */
    serverTime: number;
    /** The newest session event number. */
    seq: number;
    /**
     * What follows: `replay`, a batch of the events after the hello's `lastSeq` (possibly none);
     * `snapshot`, the whole state (new client, or too far behind). A `me` frame comes after either.
     */
    resume: "replay" | "snapshot";
  }
>;
