import { getConfig } from "../../../server/config";
import {
  ErrorFrameCode,
  type RtcEndFrame,
  type RtcJoinedFrame,
  type RtcJoinFrame,
  type RtcLeaveFrame,
  type RtcLeftReason,
  type RtcMediaFrame,
  type RtcRemoveFrame,
  type RtcServerFrame,
  type RtcSignalFrame,
} from "../../../core/protocol";
import type { FrameContext, RoomContext } from "../../runtime/context";
import { send } from "../../runtime/send";
import { attachmentsOf, CALL_IDLE_GRACE_MS, callService, openSockets, type RtcAttachment } from "../features/call-lifecycle";
import { wakeMediaWithin } from "../features/media-alarm";
import { callMembers, clearIdle, forgetCall, isRemoved, markIdle, markRemoved, sessionKind } from "../features/media-store";
import { admit, mayRelay, newPeerId, NO_MEDIA, rosterOf, sees, type RtcMembership } from "../features/rtc";
import { type Admission } from "../../../core/protocol/rtc";

const read = (ws: WebSocket) => ws.deserializeAttachment() as RtcAttachment;
const write = (ws: WebSocket, a: RtcAttachment) => ws.serializeAttachment(a);

/** Open sockets of one call, optionally without one of them. */
function callSockets(room: RoomContext, call: string, except?: WebSocket): WebSocket[] {
  return openSockets(room).filter((s) => s !== except && read(s).rtc?.call === call);
}

/** A roster frame about `subject` to everyone in the call who sees it (in a star, only the outputs see the others). */
function toCall(room: RoomContext, call: string, frame: RtcServerFrame, subject: Pick<RtcMembership, "output">, except?: WebSocket): void {
  for (const s of callSockets(room, call, except)) if (sees(call, read(s).rtc ?? {}, subject)) send(s, frame);
}

/** Admission for a person, shared by the join endpoint (through RPC) and `rtc/join`. */
export async function checkAdmission(
  room: RoomContext,
  person: { registrationId: string; role: RtcAttachment["role"] },
  call: string,
  output = false,
): Promise<Admission> {
  const kind = await sessionKind(room);
  if (!kind) return { ok: false, code: ErrorFrameCode.notAllowed, reason: "no_call", message: "This session no longer exists." };
  const config = getConfig(room.env);
  // Stages have no call: refuse before reading every viewer's attachment.
  const others = new Set(kind === "stage" ? [] : rosterOf(attachmentsOf(room), call).map((p) => p.registrationId));
  others.delete(person.registrationId);
  return admit({
    kind,
    call,
    registrationId: person.registrationId,
    role: person.role,
    removed: isRemoved(room, call, person.registrationId),
    members: callMembers(room, call),
    othersInCall: others.size,
    maxPeers: config.media === "aws" ? null : config.meshMaxPeers,
    output,
  });
}

export async function onRtcJoin(frame: RtcJoinFrame, { room, ws, who }: FrameContext): Promise<void> {
  const output = frame.output === true;
  const admission = await checkAdmission(room, who, frame.call, output);
  if (!admission.ok) return send(ws, { type: "error", code: admission.code, field: "call", message: admission.message });
  const me = read(ws);
  if (me.rtc) await leaveCall(room, ws, "left");
  // One place in a call per person (as Chime has one attendee per person): a newer tab replaces the
  // older. An output page is a place of its own: the producer can talk in the call and capture it.
  for (const other of room.sockets(`r:${who.registrationId}`)) {
    const place = read(other).rtc;
    if (other !== ws && place?.call === frame.call && !!place.output === output) {
      await leaveCall(room, other, "replaced");
      send(other, { type: "rtc/removed", call: frame.call, reason: "replaced" });
    }
  }
  const peer = newPeerId();
  const membership: RtcMembership = { call: frame.call, peer, media: output ? NO_MEDIA : (frame.media ?? NO_MEDIA), joinedAt: room.now(), ...(output ? { output } : {}) };
  write(ws, { ...read(ws), rtc: membership });
  clearIdle(room, frame.call);
  const config = getConfig(room.env);
  const peers = rosterOf(attachmentsOf(room), frame.call);
  send(ws, {
    type: "rtc/joined",
    call: frame.call,
    you: peer,
    peers: peers.filter((p) => p.peer !== peer && sees(frame.call, membership, p)),
    provider: config.media === "aws" ? "chime" : "mesh",
    maxPeers: config.media === "aws" ? null : config.meshMaxPeers,
  } satisfies RtcJoinedFrame);
  const self = peers.find((p) => p.peer === peer)!;
  toCall(room, frame.call, { type: "rtc/peer-joined", call: frame.call, peer: self }, membership, ws);
}

export async function onRtcLeave(frame: RtcLeaveFrame, { room, ws }: FrameContext): Promise<void> {
  if (read(ws).rtc?.call === frame.call) await leaveCall(room, ws, "left");
}

/** The relay: one frame in, at most one frame out, to the one peer it names. Nothing is kept. */
export function onRtcSignal(frame: RtcSignalFrame, { room, ws }: FrameContext): void {
  const from = read(ws).rtc;
  // Checked before looking for the target: a socket outside every call costs no scan of the room.
  const target = from?.call === frame.call ? openSockets(room).find((s) => read(s).rtc?.peer === frame.to) : undefined;
  if (!target || !mayRelay(from, read(target).rtc, frame.call)) {
    return send(ws, { type: "error", code: ErrorFrameCode.notFound, field: "to", message: "That person is no longer in this call." });
  }
  send(target, { type: "rtc/signal", call: frame.call, from: from!.peer, signal: frame.signal });
}

export function onRtcMedia(frame: RtcMediaFrame, { room, ws }: FrameContext): void {
  const me = read(ws);
  if (me.rtc?.call !== frame.call) return;
  write(ws, { ...me, rtc: { ...me.rtc, media: frame.media } });
  toCall(room, frame.call, { type: "rtc/media", call: frame.call, peer: me.rtc.peer, media: frame.media }, me.rtc, ws);
}

export async function onRtcRemove(frame: RtcRemoveFrame, { room, ws, who }: FrameContext): Promise<void> {
  if (who.role !== "moderator") {
    return send(ws, { type: "error", code: ErrorFrameCode.notAllowed, message: "Only moderators can remove people from a call." });
  }
  markRemoved(room, frame.call, frame.registrationId);
  for (const s of room.sockets(`r:${frame.registrationId}`)) {
    if (read(s).rtc?.call !== frame.call) continue;
    await leaveCall(room, s, "removed");
    send(s, { type: "rtc/removed", call: frame.call, reason: "removed" });
  }
  try {
    await callService(room).removeAttendee({ sessionId: room.sessionId, call: frame.call }, frame.registrationId);
  } catch (err) {
    // The roster already dropped them and removal blocks a rejoin; their media stops when Chime expires it.
    console.error(`session ${room.sessionId}: DeleteAttendee failed`, err);
  }
}

export async function onRtcEnd(frame: RtcEndFrame, { room, ws, who }: FrameContext): Promise<void> {
  if (who.role !== "moderator") {
    return send(ws, { type: "error", code: ErrorFrameCode.notAllowed, message: "Only moderators can end a call." });
  }
  closeCall(room, frame.call);
  await endMeeting(room, frame.call);
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
    await wakeMediaWithin(room, CALL_IDLE_GRACE_MS);
  }
}

/** A socket closed: whoever was in a call on it has left. */
export async function onRtcSocketClosed(room: RoomContext, ws: WebSocket): Promise<void> {
  await leaveCall(room, ws, "disconnected");
}

/** Takes a socket out of its call and tells the others (exported for the stage door, which ends places too). */
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
  for (const s of rest) if (sees(call, read(s).rtc ?? {}, leaver)) send(s, { type: "rtc/peer-left", call, peer, reason });
  if (rest.length === 0 && getConfig(room.env).media === "aws") {
    // The alarm ends the meeting after a grace period, re-checking that the call is still empty.
    markIdle(room, call);
    await wakeMediaWithin(room, CALL_IDLE_GRACE_MS);
  }
}
