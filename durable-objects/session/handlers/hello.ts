import { CloseCode, ErrorFrameCode, PROTOCOL_VERSION, isStaff, type HelloFrame, type MeFrame, type WelcomeFrame } from "../../../core/protocol";
import { AlarmName } from "../../runtime/alarms";
import { batchOf } from "../../runtime/broadcast";
import type { FrameContext } from "../../runtime/context";
import { send, sendRaw } from "../../runtime/send";
import { onHubHello } from "./hub";
import { myState, presenceCount, snapshotJson } from "./sync";

export const MAINTENANCE_EVERY_MS = 3600_000;

/**
 * The handshake. A socket's first hello starts its visit (attendance, presence), unless the socket
 * is a staff member's output page (`client: "output"`), which is no one. Then: welcome;
 * the events the client missed since its `lastSeq` (or the whole state when it is new or too far
 * behind); and its personal state. All of it is sent in one synchronous turn, so no event can
 * slip between the replay and the live stream; anything also sent live is skipped by `seq`.
 */
export function onHello(frame: HelloFrame, fc: FrameContext): void {
  const { ws, who, room } = fc;
  if (frame.v !== PROTOCOL_VERSION) {
    send(ws, {
      type: "error",
      code: ErrorFrameCode.badFrame,
      field: "v",
      message: `This page speaks protocol ${frame.v}; the server speaks ${PROTOCOL_VERSION}. Reload the page.`,
    });
    ws.close(CloseCode.protocolMismatch, "protocol version mismatch");
    return;
  }
  const output = frame.client === "output";
  // An output page is left out of presence; a participant saying so would simply be invisible.
  if (output && !isStaff(who.role)) {
    send(ws, {
      type: "error",
      code: ErrorFrameCode.notAllowed,
      field: "client",
      message: "Only producers and moderators can open output pages. Say hello without `client`.",
    });
    return;
  }
  if (fc.kind === "hub") return onHubHello(fc);
  // The first hello on a socket decides what it is; a later one (the same socket) changes nothing.
  const greeted = { ...who, device: frame.device ?? who.device };
  const me = who.ready ? who : output ? room.presence.unseen(ws, greeted) : room.presence.arrive(ws, greeted);
  room.alarms.schedule(AlarmName.maintenance, room.now() + MAINTENANCE_EVERY_MS, { keepEarlier: true });
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
  if (!replay) sendRaw(ws, snapshotJson(room, isStaff(me.role)));
  else if (replay.length > 0) sendRaw(ws, batchOf(replay));
  send(ws, { type: "me", me: myState(room, me) } satisfies MeFrame);
  send(ws, presenceCount(room));
}
