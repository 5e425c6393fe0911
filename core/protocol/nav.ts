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

/**
 * How long a send is an instruction. After that it is history for everyone at once: portals in
 * the session no longer move anyone (one that reconnects much later does not jump), and the
 * moderator's control offers a new send instead of "take it back". Long enough for everyone in
 * the room to get the banner through a reconnect, short enough that last session's send does
 * not hide the control when the next one comes.
 *
 * The object keeps the send with its `at` and does not clear it: clearing would take an alarm
 * (or a snapshot that changes with time, which its per-event snapshot cache cannot hold) to tell
 * every client what each can already work out from `at` and the server's clock.
 */
export const SEND_FRESH_MS = 120_000;

/** Where a send still sends people: null when there is none, it was taken back, or it is history. `now` is server time. */
export function freshSendTarget(nav: NavSnapshot, now: number): string | null {
  return nav.to !== null && nav.at !== null && now - nav.at < SEND_FRESH_MS ? nav.to : null;
}
