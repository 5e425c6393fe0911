import * as v from "valibot";
import { MutationId, type Sequenced } from "./common";

/**
 * Moderators send everyone in a session to another session of the event ("everyone to the
 * breakouts", and back to the stage), or take that back with `to: null`. Portals that follow the
 * programme move their person there with a short countdown and a way to stay.
 */
export const NavSendFrame = v.strictObject({
  type: v.literal("nav/send"),
  id: MutationId,
  to: v.nullable(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, "must be a session id"))),
});
export type NavSendFrame = v.InferOutput<typeof NavSendFrame>;

export const NavFrames = [NavSendFrame] as const;
export type NavFrame = NavSendFrame;

/** `at` is the server time of the send, so a portal that reconnects much later does not jump. */
export type NavSentEvent = Sequenced<"nav/sent", { to: string | null; at: number | null }>;

export interface NavSnapshot {
  to: string | null;
  at: number | null;
}
