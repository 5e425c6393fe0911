import { sessionRoom } from "../../../../server/rooms";
import { database } from "../../../../server/db/client";
import { saveMatrixConsent } from "../../../../server/db/stagedoor";
import {
  MATRIX_CALL,
  type MatrixConsentFrame,
  type MatrixShownFrame,
  type MatrixTile,
  type MyMatrix,
  type RtcRemovedFrame,
} from "../../../../core/protocol";
import { STAGEDOOR_ALARM } from "./store";
import type { FrameContext, RoomContext } from "../../../runtime/context";
import { mutate } from "../../../runtime/mutate";
import { send } from "../../../runtime/send";
import { callService, type RtcAttachment, leaveCall } from "../../../features/rtc/calls";
import { done } from "../../../../core/rules/outcome";
import { callMembers, setCallMembers } from "../../../features/rtc/store";
import { presenceOf } from "../presence";
import { localConsent, recordConsent, setShownBy, shownBy } from "./matrix-store";
import { serial, settled } from "../../../runtime/serial";

/**
 * The matrix as seen from a session whose people may be shown (a stage, a breakout). The
 * coordinator (the session of the output page) asks who is here and then says whom to show; this
 * object admits exactly those people to its matrix call and tells each of them. It never shows
 * anyone who is not here now, or who withdrew consent here, whatever the coordinator asks.
 */

/** Participants here now (staff are never shown). */
export function presentParticipants(room: RoomContext): MatrixTile[] {
  return presenceOf(room)
    .list()
    .filter((p) => p.role === "participant")
    .map((p) => ({ registrationId: p.registrationId, name: p.name, sessionId: room.sessionId }));
}

/** Shows exactly `wanted` (those still here and consenting); returns whom it shows. */
export async function showHere(room: RoomContext, coordinator: string, wanted: readonly string[]): Promise<string[]> {
  const before = callMembers(room, MATRIX_CALL) ?? new Set<string>();
  const here = new Set(presentParticipants(room).map((p) => p.registrationId));
  const shown = [...new Set(wanted)].filter((id) => here.has(id) && localConsent(room.sql, id) !== false);
  setCallMembers(room, MATRIX_CALL, shown);
  setShownBy(room.sql, shown.length > 0 ? coordinator : null);
  const now = new Set(shown);
  for (const id of before) if (!now.has(id)) await stopShowing(room, id);
  for (const id of shown) if (!before.has(id)) tell(room, id, true, coordinator);
  return shown;
}

/** Their camera leaves the matrix call now, and they are told (removal is immediate). */
async function stopShowing(room: RoomContext, registrationId: string): Promise<void> {
  for (const ws of room.sockets(`r:${registrationId}`)) {
    const place = (ws.deserializeAttachment() as RtcAttachment).rtc;
    if (place?.call === MATRIX_CALL && !place.output) {
      await leaveCall(room, ws, "removed");
      send(ws, { type: "rtc/removed", call: MATRIX_CALL, reason: "removed" } satisfies RtcRemovedFrame);
    }
  }
  tell(room, registrationId, false, null);
  try {
    await callService(room).removeAttendee({ sessionId: room.sessionId, call: MATRIX_CALL }, registrationId);
  } catch (err) {
    console.error(`session ${room.sessionId}: removing a matrix attendee failed`, err);
  }
}

const tell = (room: RoomContext, registrationId: string, shown: boolean, by: string | null) =>
  room.sendToPerson(registrationId, { type: "matrix/shown", shown, by } satisfies MatrixShownFrame);

export function myMatrix(room: RoomContext, registrationId: string): MyMatrix {
  const shown = callMembers(room, MATRIX_CALL)?.has(registrationId) ?? false;
  return { shown, by: shown ? shownBy(room.sql) : null };
}

/**
 * A person gives or withdraws consent, in whatever session they are. D1 keeps it for every
 * session of the event; this object remembers it too, so a coordinator that read D1 a moment
 * earlier cannot put them back. Withdrawing stops a shown camera before the answer goes out.
 */
export function onMatrixConsent(frame: MatrixConsentFrame, fc: FrameContext): Promise<void> {
  return serial(fc.room, async () => {
    const { room, who } = fc;
    if (room.mutations.applied(who.registrationId, frame.id)) return mutate(fc, frame, () => done);
    try {
      await saveMatrixConsent(database(room.env.DB), who.registrationId, frame.optIn, room.now());
    } catch (err) {
      console.error(`session ${room.sessionId}: saving a matrix consent failed`, err);
      return mutate(fc, frame, () => ({
        ok: false,
        code: "internal",
        message: "Your choice could not be saved. Try again.",
      }));
    }
    const wasShown = callMembers(room, MATRIX_CALL)?.has(who.registrationId) ?? false;
    const coordinator = shownBy(room.sql);
    if (!frame.optIn && wasShown) {
      const rest = [...(callMembers(room, MATRIX_CALL) ?? [])].filter((id) => id !== who.registrationId);
      setCallMembers(room, MATRIX_CALL, rest);
      await stopShowing(room, who.registrationId);
    }
    mutate(fc, frame, () => {
      recordConsent(room.sql, who.registrationId, frame.optIn, room.now());
      return done;
    });
    await settled(room);
    // The coordinator fills the freed place (or takes the newcomer in) now rather than at its next look.
    if (coordinator) pokeCoordinator(room, coordinator);
  });
}

export function pokeCoordinator(room: RoomContext, coordinator: string): void {
  // The coordinator is this object: its alarm refreshes the matrix (in turn, after this task).
  if (coordinator === room.sessionId) return room.alarms.schedule(STAGEDOOR_ALARM, room.now());
  sessionRoom(room.env, coordinator)
    .matrixRefresh()
    .catch((err: unknown) => console.error(`session ${room.sessionId}: the matrix coordinator did not answer`, err));
}
