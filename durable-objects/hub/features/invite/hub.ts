import { PROTOCOL_VERSION, type HelloFrame, type WelcomeFrame } from "../../../../core/protocol";
import { acceptHello } from "../../../runtime/handshake";
import { chatIdleStep } from "./rules";
import { attachmentsOf } from "../../../features/rtc/calls";
import { rosterOf } from "../../../features/rtc/rules";
import { readAttachment, writeAttachment } from "../../../runtime/attachment";
import type { FrameContext, RoomContext } from "../../../runtime/context";
import { send } from "../../../runtime/send";
import { activeChats, dueInvites, fromCard, pendingFor, setChatIdle, setInviteState, toCard } from "./store";
import { scheduleMaintenance } from "../../../runtime/mutations";
import { finishChat, scheduleInviteAlarm } from "./handler";
import { inviteMine, notify, tellState } from "./views";

/**
 * The event hub's own handshake. The hub has no session events, snapshot or attendance (it is not
 * a programme session, and every open portal page is connected to it): the welcome carries the
 * server's clock, and the person's invitations follow.
 */
export function onHubHello(frame: HelloFrame, fc: FrameContext): void {
  if (!acceptHello(frame, fc)) return;
  const { ws, who, room } = fc;
  if (!who.ready) writeAttachment(ws, { ...who, ready: true });
  // Applied mutation ids are pruned here as in every room.
  scheduleMaintenance(room);
  send(ws, {
    type: "welcome",
    v: PROTOCOL_VERSION,
    sessionId: room.sessionId,
    you: { registrationId: who.registrationId, name: who.name, role: who.role },
    serverTime: room.now(),
    seq: room.seq(),
    resume: "replay",
  } satisfies WelcomeFrame);
  send(ws, { type: "invite/you", you: inviteMine(room, who.registrationId) });
}

/** The hub's alarm: lapsed invitations expire (both told), and 1:1s left empty end. */
export function onInviteAlarm(room: RoomContext): void {
  const now = room.now();
  room.transaction(() => {
    for (const invite of dueInvites(room.sql, now)) {
      setInviteState(room.sql, invite.id, "expired", now);
      tellState(room, invite.from_id, invite.to_id);
      notify(room, invite.from_id, "expired", toCard(invite), invite.id);
      notify(room, invite.to_id, "expired", fromCard(invite), invite.id);
    }
    const attachments = attachmentsOf(room);
    for (const chat of activeChats(room.sql)) {
      const step = chatIdleStep(chat.idle_since, rosterOf(attachments, chat.call).length, now);
      if (step === "end") finishChat(room, chat);
      else if (step !== chat.idle_since) setChatIdle(room.sql, chat.id, step);
    }
    scheduleInviteAlarm(room);
  });
}

/** Which of these people have a portal page open (the directory shows them as online). */
export function onlineAmong(room: RoomContext, ids: readonly string[]): string[] {
  return ids.filter((id) => room.sockets(`r:${id}`).some((ws) => ws.readyState === WebSocket.OPEN));
}

/** People (not pages: three tabs are one person) with a portal page open, through the handshake. */
export function onlineCount(room: RoomContext): number {
  const people = new Set<string>();
  for (const ws of room.sockets()) {
    if (ws.readyState !== WebSocket.OPEN) continue;
    const who = readAttachment(ws);
    if (who.ready) people.add(who.registrationId);
  }
  return people.size;
}

/** A person left the directory or turned invitations off: what waits for them is called off. */
export function becameUnavailable(room: RoomContext, registrationId: string): void {
  room.transaction(() => {
    const now = room.now();
    for (const invite of pendingFor(room.sql, registrationId)) {
      if (invite.to_id !== registrationId) continue;
      setInviteState(room.sql, invite.id, "cancelled", now);
      notify(room, invite.from_id, "cancelled", toCard(invite), invite.id);
      tellState(room, invite.from_id);
    }
    tellState(room, registrationId);
    scheduleInviteAlarm(room);
  });
}
