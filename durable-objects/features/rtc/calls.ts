import { getConfig } from "../../../server/config";
import { database } from "../../../server/db/client";
import { CallService } from "../../../server/media/call-service";
import type { RtcLeftReason, RtcServerFrame } from "../../../core/protocol";
import type { SocketAttachment } from "../../runtime/attachment";
import type { RoomContext } from "../../runtime/context";
import { send } from "../../runtime/send";
import { rosterOf, sees, type RtcMembership } from "./rules";
import { forgetCall, idleCalls, markIdle } from "./store";

/**
 * Calls as the object runs them, for its own frames and for the features that open and close
 * calls (carousel groups, 1:1s, the stream room, the matrix): who is in which call, taking people
 * out, ending a call for everyone, and ending the provider's meeting once a call stays empty.
 */

/** The socket attachment with the call feature's field; always written with a spread, so other features' fields survive. */
export type RtcAttachment = SocketAttachment & { rtc?: RtcMembership | undefined };

/** An empty call keeps its meeting this long, so a dropped connection can come back to it. */
export const CALL_IDLE_GRACE_MS = 60_000;

/**
 * The named alarm of media work: ending the meetings of calls left empty, and (in a stage) polling
 * IVS. A stored name, kept from when both were one feature.
 */
export const MEDIA_ALARM = "media";

export const callService = (room: RoomContext) => new CallService(database(room.env.DB), getConfig(room.env));

export const read = (ws: WebSocket) => ws.deserializeAttachment() as RtcAttachment;
export const write = (ws: WebSocket, a: RtcAttachment) => ws.serializeAttachment(a);

/** Sockets still open: one that is closing has left every call, whatever its attachment says. */
export const openSockets = (room: RoomContext): WebSocket[] =>
  room.sockets().filter((ws) => ws.readyState === WebSocket.OPEN);

export const attachmentsOf = (room: RoomContext): RtcAttachment[] => openSockets(room).map(read);

/** Open sockets of one call, optionally without one of them. */
export function callSockets(room: RoomContext, call: string, except?: WebSocket): WebSocket[] {
  return openSockets(room).filter((s) => s !== except && read(s).rtc?.call === call);
}

/** A roster frame about `subject` to everyone in the call who sees it (in a star, only the outputs see the others). */
export function toCall(
  room: RoomContext,
  call: string,
  frame: RtcServerFrame,
  subject: Pick<RtcMembership, "output">,
  except?: WebSocket,
): void {
  for (const s of callSockets(room, call, except)) if (sees(call, read(s).rtc ?? {}, subject)) send(s, frame);
}

/** Makes the media step run within `delayMs` (an earlier schedule already set is kept). */
export function wakeMediaWithin(room: RoomContext, delayMs: number): void {
  room.alarms.schedule(MEDIA_ALARM, room.now() + delayMs, { keepEarlier: true });
}

/**
 * Ends a call for everyone in it, at once (a moderator ended it, a carousel group's time is up, a
 * 1:1 was hung up). Synchronous, so it can run inside the transaction that decided it; the
 * provider's meeting ends afterwards with `endMeeting`.
 */
export function closeCall(room: RoomContext, call: string): void {
  closeCalls(room, new Set([call]));
}

/** Several calls at once (a carousel round's end): one pass over the sockets, however many calls. */
export function closeCalls(room: RoomContext, calls: ReadonlySet<string>): void {
  if (calls.size === 0) return;
  for (const s of openSockets(room)) {
    const call = read(s).rtc?.call;
    if (call === undefined || !calls.has(call)) continue;
    write(s, { ...read(s), rtc: undefined });
    send(s, { type: "rtc/ended", call });
  }
  for (const call of calls) forgetCall(room, call);
}

/** Ends the call's Chime meeting (nothing to do for the mesh); a failure is retried by the idle check. */
export async function endMeeting(room: RoomContext, call: string): Promise<void> {
  if (getConfig(room.env).media !== "aws") return;
  try {
    await callService(room).end({ sessionId: room.sessionId, call });
  } catch (err) {
    console.error(`session ${room.sessionId}: ending call ${call} failed; the idle check retries`, err);
    markIdle(room, call);
    wakeMediaWithin(room, CALL_IDLE_GRACE_MS);
  }
}

/** Takes a socket out of its call and tells the others (the stage door and the matrix end places too). */
export async function leaveCall(room: RoomContext, ws: WebSocket, reason: RtcLeftReason): Promise<void> {
  const me = read(ws);
  if (!me.rtc) return;
  const { call, peer } = me.rtc;
  const leaver = me.rtc;
  try {
    write(ws, { ...me, rtc: undefined });
  } catch {
    // a closed socket keeps no attachment; openSockets() leaves it out of every roster anyway
  }
  const rest = callSockets(room, call, ws);
  for (const s of rest)
    if (sees(call, read(s).rtc ?? {}, leaver)) send(s, { type: "rtc/peer-left", call, peer, reason });
  if (rest.length === 0 && getConfig(room.env).media === "aws") {
    // The alarm ends the meeting after a grace period, re-checking that the call is still empty.
    markIdle(room, call);
    wakeMediaWithin(room, CALL_IDLE_GRACE_MS);
  }
}

/**
 * The media alarm's step for calls: ends the meeting of every call that has been empty for the
 * grace period ("the call is over"), and comes back when the next one is due. Local mesh calls
 * have nothing to end.
 */
export async function endIdleCalls(room: RoomContext): Promise<void> {
  const idle = idleCalls(room);
  if (idle.length === 0) return;
  const service = callService(room);
  const attachments = attachmentsOf(room);
  let next: number | undefined;
  for (const { call, emptySince } of idle) {
    if (rosterOf(attachments, call).length > 0) {
      forgetCall(room, call);
      continue;
    }
    const due = emptySince + CALL_IDLE_GRACE_MS - room.now();
    if (due > 0) {
      next = Math.min(next ?? due, due);
      continue;
    }
    try {
      await service.end({ sessionId: room.sessionId, call });
      forgetCall(room, call);
    } catch (err) {
      console.error(`session ${room.sessionId}: ending call ${call} failed; will retry`, err);
      next = Math.min(next ?? 30_000, 30_000);
    }
  }
  if (next !== undefined) wakeMediaWithin(room, next);
}
