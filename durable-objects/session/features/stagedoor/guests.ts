import { sessionRoom } from "../../../../server/rooms";
import { MAIN_CALL } from "../../../../core/contract/media";
import { database } from "../../../../server/db/client";
import { streamRoomOf } from "../../../../server/db/stagedoor";
import { CloseCode, isStaff, type RtcRemovedFrame } from "../../../../core/protocol";
import type { RoomContext } from "../../../runtime/context";
import { send } from "../../../runtime/send";
import { callService, openSockets, type RtcAttachment, leaveCall } from "../../../features/rtc/calls";
import { liveGuests } from "./hand-rules";
import { callMembers, setCallMembers } from "../../../features/rtc/store";
import { sessionKind } from "../../kind";
import { allHands, readMeta, writeMeta, STAGEDOOR_ALARM } from "./store";

/**
 * The two ends of "approve into the stream room". The stage's object owns the queue and decides
 * who is live; the stream room's object owns its call and admits exactly those people (besides
 * staff). The stage tells the room the whole guest list each time (idempotent, so a retry after a
 * failure is always safe), before it tells the person they are in.
 */

/** A lookup that found no stream room is tried again after this long (an organizer may add one). */
const NO_ROOM_RECHECK_MS = 60_000;
/** A guest list the room did not confirm is sent again after this long. */
const GUEST_RETRY_MS = 5_000;

export interface StageDoor {
  isStage: boolean;
  streamRoomId: string | null;
}

/** Whether this session is a stage, and its stream room (read from D1 once, then kept). */
export async function stageDoor(room: RoomContext): Promise<StageDoor> {
  const isStage = (await sessionKind(room)) === "stage";
  if (!isStage) return { isStage, streamRoomId: null };
  const cached = readMeta(room.sql, "stream_room");
  if (cached) return { isStage, streamRoomId: cached };
  const checkedAt = Number(readMeta(room.sql, "stream_room_checked") ?? 0);
  if (room.now() - checkedAt < NO_ROOM_RECHECK_MS) return { isStage, streamRoomId: null };
  const found = await streamRoomOf(database(room.env.DB), room.sessionId);
  if (found) writeMeta(room.sql, "stream_room", found);
  else writeMeta(room.sql, "stream_room_checked", String(room.now()));
  return { isStage, streamRoomId: found };
}

/** The stream room already known to this stage (no D1 read): for snapshots and personal state. */
export const knownStreamRoom = (room: RoomContext): string | null => readMeta(room.sql, "stream_room") ?? null;

/** Sends the stream room its guest list; on failure, marks it for the alarm to send again. */
export async function sendGuests(room: RoomContext, guests: readonly string[]): Promise<boolean> {
  const streamRoomId = knownStreamRoom(room);
  if (!streamRoomId) return true;
  try {
    await sessionRoom(room.env, streamRoomId).admitGuests(room.sessionId, [...guests]);
    writeMeta(room.sql, "guests_dirty", undefined);
    return true;
  } catch (err) {
    console.error(`session ${room.sessionId}: the stream room did not take the guest list; retrying`, err);
    writeMeta(room.sql, "guests_dirty", "1");
    room.alarms.schedule(STAGEDOOR_ALARM, room.now() + GUEST_RETRY_MS, { keepEarlier: true });
    return false;
  }
}

/** After the live set changed: the room learns the new list now (or the alarm retries). */
export async function syncGuests(room: RoomContext): Promise<void> {
  writeMeta(room.sql, "guests_dirty", "1");
  await sendGuests(room, liveGuests(allHands(room.sql)));
}

/** Alarm step: a guest list that did not get through goes again. */
export async function retryGuests(room: RoomContext): Promise<void> {
  if (readMeta(room.sql, "guests_dirty")) await sendGuests(room, liveGuests(allHands(room.sql)));
}

// ── The stream room's side ───────────────────────────────────────────────────────────────────

/**
 * The stream room takes its stage's guest list: only these participants may join its call (staff
 * always can). Anyone else still connected as a participant is taken out of the call and
 * disconnected at once: their contribution is over.
 */
export async function admitGuests(room: RoomContext, stageId: string, guests: readonly string[]): Promise<void> {
  if ((await sessionKind(room)) !== "stream-room") throw new Error(`session ${room.sessionId} is not a stream room`);
  setCallMembers(room, MAIN_CALL, guests);
  writeMeta(room.sql, "stage", stageId);
  const allowed = new Set(guests);
  for (const ws of openSockets(room)) {
    const who = ws.deserializeAttachment() as RtcAttachment;
    if (isStaff(who.role) || allowed.has(who.registrationId)) continue;
    const wasInCall = who.rtc !== undefined;
    await leaveCall(room, ws, "removed");
    if (wasInCall) send(ws, { type: "rtc/removed", call: MAIN_CALL, reason: "removed" } satisfies RtcRemovedFrame);
    try {
      ws.close(CloseCode.forbidden, "your time in the studio is over");
    } catch {
      // already closing
    }
    try {
      await callService(room).removeAttendee({ sessionId: room.sessionId, call: MAIN_CALL }, who.registrationId);
    } catch (err) {
      console.error(`session ${room.sessionId}: removing a former guest's attendee failed`, err);
    }
  }
}

/** Whether a participant is a guest of this stream room now (the worker's audience check asks). */
export function isGuest(room: RoomContext, registrationId: string): boolean {
  return callMembers(room, MAIN_CALL)?.has(registrationId) ?? false;
}
