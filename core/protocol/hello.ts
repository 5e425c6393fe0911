import * as v from "valibot";
import type { Role } from "./identity";
import type { WireFrame } from "./wire";

export const DeviceClasses = ["desktop", "mobile", "tablet", "other"] as const;
export type DeviceClass = (typeof DeviceClasses)[number];

/**
 * Who is behind a connection: a person (the default, and what every client before this field
 * sent), or a producer's output page (a browser source captured into the broadcast), which is no
 * one: it follows the session but is not counted as here, not listed among the people and records
 * no attendance visit. Only staff may say `output`; anyone else is refused, so nobody can hide.
 * An optional field, so protocol 1 stays protocol 1: older pages keep working unchanged.
 */
export const HelloClients = ["person", "output"] as const;
export type HelloClient = (typeof HelloClients)[number];

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
  client: v.optional(v.picklist(HelloClients)),
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
