import { getConfig } from "../../../server/config";
import {
  ErrorFrameCode,
  type Admission,
  type Role,
  type RtcEndFrame,
  type RtcJoinedFrame,
  type RtcJoinFrame,
  type RtcLeaveFrame,
  type RtcMediaFrame,
  type RtcRemoveFrame,
  type RtcSignalFrame,
} from "../../../core/protocol";
import type { FrameContext, RoomContext } from "../../runtime/context";
import { send } from "../../runtime/send";
import {
  attachmentsOf,
  callService,
  closeCall,
  endMeeting,
  leaveCall,
  openSockets,
  read,
  toCall,
  write,
} from "./calls";
import { admit, mayRelay, newPeerId, NO_MEDIA, rosterOf, sees, type CallPlace, type RtcMembership } from "./rules";
import { callMembers, clearIdle, isRemoved, markRemoved } from "./store";

/** Where this object's calls are; undefined when its session is gone. */
export type PlaceOf = (room: RoomContext) => Promise<CallPlace | undefined>;

/** Admission for a person, shared by the join endpoint (through RPC) and `rtc/join`. */
export async function checkAdmission(
  room: RoomContext,
  placeOf: PlaceOf,
  person: { registrationId: string; role: Role },
  call: string,
  output = false,
): Promise<Admission> {
  const kind = await placeOf(room);
  if (!kind)
    return { ok: false, code: ErrorFrameCode.notAllowed, reason: "no_call", message: "This session no longer exists." };
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

export async function onRtcJoin(placeOf: PlaceOf, frame: RtcJoinFrame, { room, ws, who }: FrameContext): Promise<void> {
  const output = frame.output === true;
  const admission = await checkAdmission(room, placeOf, who, frame.call, output);
  if (!admission.ok)
    return send(ws, { type: "error", code: admission.code, field: "call", message: admission.message });
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
  const membership: RtcMembership = {
    call: frame.call,
    peer,
    media: output ? NO_MEDIA : (frame.media ?? NO_MEDIA),
    joinedAt: room.now(),
    ...(output ? { output } : {}),
  };
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
    return send(ws, {
      type: "error",
      code: ErrorFrameCode.notFound,
      field: "to",
      message: "That person is no longer in this call.",
    });
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
    return send(ws, {
      type: "error",
      code: ErrorFrameCode.notAllowed,
      message: "Only moderators can remove people from a call.",
    });
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
