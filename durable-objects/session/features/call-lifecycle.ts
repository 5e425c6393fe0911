import { getConfig } from "../../../server/config";
import { database } from "../../../server/db/client";
import { CallService } from "../../../server/media/call-service";
import type { RoomContext } from "../../runtime/context";
import { forgetCall, idleCalls } from "./media-store";
import type { SocketAttachment } from "../../runtime/attachment";
import { rosterOf, type RtcMembership } from "./rtc";

/** The socket attachment with the call feature's field; always written with a spread, so other features' fields survive. */
export type RtcAttachment = SocketAttachment & { rtc?: RtcMembership | undefined };

/** An empty call keeps its meeting this long, so a dropped connection can come back to it. */
export const CALL_IDLE_GRACE_MS = 60_000;

export const callService = (room: RoomContext) => new CallService(database(room.env.DB), getConfig(room.env));

/** Sockets still open: one that is closing has left every call, whatever its attachment says. */
export const openSockets = (room: RoomContext): WebSocket[] => room.sockets().filter((ws) => ws.readyState === WebSocket.OPEN);

export const attachmentsOf = (room: RoomContext): RtcAttachment[] =>
  openSockets(room).map((ws) => ws.deserializeAttachment() as RtcAttachment);

/**
 * Ends the meeting of every call that has been empty for the grace period ("the call is over").
 * Local mesh calls have nothing to end. Returns when to look again.
 */
export async function endIdleCalls(room: RoomContext): Promise<number | undefined> {
  const idle = idleCalls(room);
  if (idle.length === 0) return undefined;
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
  return next;
}
