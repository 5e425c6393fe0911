import {
  isStaff,
  PROTOCOL_VERSION,
  type HelloFrame,
  type MeFrame,
  type MyState,
  type SessionSnapshot,
  type WelcomeFrame,
} from "../../../../core/protocol";
import type { SocketAttachment } from "../../../runtime/attachment";
import { batchOf } from "../../../runtime/broadcast";
import type { FrameContext, RoomContext } from "../../../runtime/context";
import { acceptHello } from "../../../runtime/handshake";
import { scheduleMaintenance } from "../../../runtime/mutations";
import { send, sendRaw } from "../../../runtime/send";
import { presenceCount, presenceOf } from "../presence";
import { snapshotJson } from "./snapshot";

/** The whole snapshot and a person's whole own state, as the session's features make them. */
export interface SessionState {
  snapshot(room: RoomContext, staff: boolean): SessionSnapshot;
  me(room: RoomContext, who: SocketAttachment): MyState;
}

/**
 * The handshake. A socket's first hello starts its visit (attendance, presence), unless the socket
 * is a staff member's output page (`client: "output"`), which is no one. Then: welcome;
 * the events the client missed since its `lastSeq` (or the whole state when it is new or too far
 * behind); and its personal state. All of it is sent in one synchronous turn, so no event can
 * slip between the replay and the live stream; anything also sent live is skipped by `seq`.
 */
export function onHello(state: SessionState, frame: HelloFrame, fc: FrameContext): void {
  if (!acceptHello(frame, fc)) return;
  const { ws, who, room } = fc;
  const output = frame.client === "output";
  // The first hello on a socket decides what it is; a later one (the same socket) changes nothing.
  const greeted = { ...who, device: frame.device ?? who.device };
  const me = who.ready ? who : output ? presenceOf(room).unseen(ws, greeted) : presenceOf(room).arrive(ws, greeted);
  scheduleMaintenance(room);
  const replay = frame.lastSeq === undefined ? undefined : room.replay(frame.lastSeq, me.role);
  send(ws, {
    type: "welcome",
    v: PROTOCOL_VERSION,
    sessionId: room.sessionId,
    you: { registrationId: me.registrationId, name: me.name, role: me.role },
    serverTime: room.now(),
    seq: room.seq(),
    resume: replay ? "replay" : "snapshot",
  } satisfies WelcomeFrame);
  if (!replay) sendRaw(ws, snapshotJson(room, isStaff(me.role), state.snapshot));
  else if (replay.length > 0) sendRaw(ws, batchOf(replay));
  send(ws, { type: "me", me: state.me(room, me) } satisfies MeFrame);
  send(ws, presenceCount(room));
}
