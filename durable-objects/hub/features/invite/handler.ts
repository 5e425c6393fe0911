import {
  InviteLimits,
  type InviteAnswerFrame,
  type InviteBlockFrame,
  type InviteHangupFrame,
  type InviteSendFrame,
  type InviteWithdrawFrame,
} from "../../../../core/protocol";
import { eventOfHub } from "../../../../core/protocol/networking";
import { database } from "../../../../server/db/client";
import { cardOf, loadProfiles, type Profile } from "../../../../server/networking";
import { newId } from "../../../../server/ids";
import { decideAnswer, decideInvite, decideWithdraw } from "./rules";
import { replaceCallMembers } from "../../../features/rtc/store";
import { ok, refuse, type Outcome } from "../../../../core/rules/outcome";
import type { FrameContext, RoomContext } from "../../../runtime/context";
import { mutate } from "../../../runtime/mutate";
import {
  activeChatOf,
  chatById,
  endChat,
  fromCard,
  insertChat,
  insertInvite,
  inviteById,
  isBlocked,
  lastDeclined,
  otherIn,
  outstandingBy,
  pendingBetween,
  pendingFor,
  sentSince,
  sentToSince,
  setBlocked,
  setInviteState,
  toCard,
  type ChatRow,
} from "./store";
import { notify, tellState } from "./views";
import { closeCall, endMeeting } from "../../../features/rtc/calls";
import { report } from "../../../session/features/reports";

/*
 * 1:1 invitations and the chats they start, in the event hub. Who the two are (and whether the
 * target takes invitations) comes fresh from D1: a person who just turned invitations off must
 * not get one sent a moment later.
 */
export async function onInviteSend(frame: InviteSendFrame, fc: FrameContext): Promise<void> {
  const { room, who } = fc;
  const profiles = await loadProfiles(database(room.env.DB), [who.registrationId, frame.to]);
  return mutate(fc, frame, () => send(room, frame, who.registrationId, profiles));
}

export const onInviteWithdraw = (frame: InviteWithdrawFrame, fc: FrameContext) =>
  mutate(fc, frame, () => withdraw(fc.room, frame, fc.who.registrationId));
export const onInviteAnswer = (frame: InviteAnswerFrame, fc: FrameContext) =>
  mutate(fc, frame, () => answer(fc.room, frame, fc.who.registrationId));

export async function onInviteBlock(frame: InviteBlockFrame, fc: FrameContext): Promise<void> {
  const { room, who } = fc;
  const profiles = frame.blocked
    ? await loadProfiles(database(room.env.DB), [frame.registrationId])
    : new Map<string, Profile>();
  return mutate(fc, frame, () => block(room, frame, who.registrationId, profiles.get(frame.registrationId)));
}

export const onInviteHangup = (frame: InviteHangupFrame, fc: FrameContext) =>
  mutate(fc, frame, () => hangup(fc.room, frame, fc.who.registrationId));

function send(room: RoomContext, frame: InviteSendFrame, me: string, profiles: Map<string, Profile>): Outcome<string> {
  const now = room.now();
  const sql = room.sql;
  const inviter = profiles.get(me);
  const target = profiles.get(frame.to);
  const pending = pendingBetween(sql, me, frame.to);
  const decision = decideInvite({
    now,
    self: frame.to === me,
    targetAvailable:
      !!target &&
      target.eventId === eventOfHub(room.sessionId) &&
      target.listed &&
      target.invitations &&
      !target.revoked,
    blockedByTarget: isBlocked(sql, frame.to, me),
    blockedByInviter: isBlocked(sql, me, frame.to),
    inviterBusy: activeChatOf(sql, me) !== undefined,
    targetBusy: activeChatOf(sql, frame.to) !== undefined,
    pending: pending ? (pending.from_id === me ? "outgoing" : "incoming") : undefined,
    outstanding: outstandingBy(sql, me),
    recentByInviter: sentSince(sql, me, now - InviteLimits.perInviterWindowMs),
    recentToTarget: sentToSince(sql, me, frame.to, now - InviteLimits.perPairWindowMs),
    lastDeclinedAt: lastDeclined(sql, me, frame.to),
  });
  if (!decision.ok) return decision;
  if (!inviter || !target) return refuse("not_found", "That person is not part of this event.", { field: "to" });
  const id = newId("inv");
  const from = cardOf(inviter);
  insertInvite(sql, id, from, cardOf(target), now, now + InviteLimits.ttlMs);
  scheduleInviteAlarm(room);
  tellState(room, me, frame.to);
  notify(room, frame.to, "received", from, id);
  return ok(id);
}

function withdraw(room: RoomContext, frame: InviteWithdrawFrame, me: string): Outcome {
  const invite = inviteById(room.sql, frame.inviteId);
  const decision = decideWithdraw(invite, me);
  if (!decision.ok) return decision;
  setInviteState(room.sql, invite!.id, "withdrawn", room.now());
  scheduleInviteAlarm(room);
  tellState(room, me, invite!.to_id);
  notify(room, invite!.to_id, "withdrawn", fromCard(invite!), invite!.id);
  return ok(undefined);
}

function answer(room: RoomContext, frame: InviteAnswerFrame, me: string): Outcome<string | undefined> {
  const now = room.now();
  const invite = inviteById(room.sql, frame.inviteId);
  const decision = decideAnswer(invite, me, now);
  if (!decision.ok) return decision;
  const inv = invite!;
  if (!frame.accept) {
    setInviteState(room.sql, inv.id, "declined", now);
    if (frame.block) setBlocked(room.sql, me, fromCard(inv), true, now);
    scheduleInviteAlarm(room);
    tellState(room, me, inv.from_id);
    notify(room, inv.from_id, "declined", toCard(inv), inv.id);
    return ok(undefined);
  }
  if (activeChatOf(room.sql, inv.from_id) || activeChatOf(room.sql, me)) {
    return refuse("conflict", "One of you is in another conversation already.", { field: "inviteId" });
  }
  setInviteState(room.sql, inv.id, "accepted", now);
  const chatId = newId("chat");
  // The call's id is the chat's: the join endpoint and the call view find it from the chat.
  insertChat(room.sql, chatId, chatId, fromCard(inv), toCard(inv), now);
  reportChat(room, chatById(room.sql, chatId)!);
  replaceCallMembers(room, chatId, [inv.from_id, me]);
  // Both are busy now: every other invitation either of them has waiting is called off.
  const touched = [me, inv.from_id];
  for (const other of [...pendingFor(room.sql, me), ...pendingFor(room.sql, inv.from_id)]) {
    if (other.state !== "pending" || other.id === inv.id) continue;
    setInviteState(room.sql, other.id, "cancelled", now);
    const [busy, counterpart] = touched.includes(other.from_id)
      ? [fromCard(other), other.to_id]
      : [toCard(other), other.from_id];
    if (touched.includes(counterpart)) continue;
    touched.push(counterpart);
    notify(room, counterpart, "cancelled", busy, other.id);
  }
  scheduleInviteAlarm(room);
  tellState(room, ...touched);
  notify(room, inv.from_id, "accepted", toCard(inv), inv.id);
  return ok(chatId);
}

function block(room: RoomContext, frame: InviteBlockFrame, me: string, person: Profile | undefined): Outcome {
  const now = room.now();
  if (frame.registrationId === me)
    return refuse("not_allowed", "You cannot block yourself.", { field: "registrationId" });
  if (!frame.blocked) {
    setBlocked(room.sql, me, { registrationId: frame.registrationId, name: "", organisation: null }, false, now);
    tellState(room, me);
    return ok(undefined);
  }
  if (!person || person.eventId !== eventOfHub(room.sessionId))
    return refuse("not_found", "That person is not part of this event.", { field: "registrationId" });
  setBlocked(room.sql, me, cardOf(person), true, now);
  // Their waiting invitation to me is declined, as if I had answered it.
  const waiting = pendingBetween(room.sql, me, frame.registrationId);
  if (waiting && waiting.to_id === me) {
    setInviteState(room.sql, waiting.id, "declined", now);
    notify(room, waiting.from_id, "declined", toCard(waiting), waiting.id);
    scheduleInviteAlarm(room);
  }
  tellState(room, me, frame.registrationId);
  return ok(undefined);
}

function hangup(room: RoomContext, frame: InviteHangupFrame, me: string): Outcome {
  const chat = chatById(room.sql, frame.chatId);
  if (!chat || (chat.a_id !== me && chat.b_id !== me))
    return refuse("not_found", "That conversation does not exist.", { field: "chatId" });
  if (chat.ended_at !== null) return ok(undefined);
  finishChat(room, chat);
  const other = chat.a_id === me ? chat.b_id : chat.a_id;
  notify(room, other, "ended", otherIn(chat, other));
  return ok(undefined);
}

/** Ends a 1:1 for both: nobody can join its call any more, and whoever is in it is taken out. */
export function finishChat(room: RoomContext, chat: ChatRow): void {
  const now = room.now();
  endChat(room.sql, chat.id, now);
  reportChat(room, { ...chat, ended_at: chat.ended_at ?? now });
  replaceCallMembers(room, chat.call, []);
  closeCall(room, chat.call);
  void endMeeting(room, chat.call);
  tellState(room, chat.a_id, chat.b_id);
}

/**
 * A 1:1 for the engagement report, queued in the transaction that started or ended it (to D1
 * under the chat's id: a retried write is still one chat).
 */
function reportChat(room: RoomContext, chat: ChatRow): void {
  report(room, {
    kind: "meeting",
    meetingId: chat.id,
    type: "chat",
    people: [chat.a_id, chat.b_id],
    round: null,
    startedAt: chat.started_at,
    endedAt: chat.ended_at,
  });
}

/** The hub's named alarm (a stored name: never rename it). */
export const INVITE_ALARM = "invites";

/** The hub's alarm: the earliest waiting invitation's expiry, and a look at open 1:1s at least every half minute. */
export function scheduleInviteAlarm(room: RoomContext): void {
  const now = room.now();
  const expiry = room.sql
    .exec<{ at: number | null }>("SELECT MIN(expires_at) AS at FROM invites WHERE state = 'pending'")
    .one().at;
  const chats = room.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM one_to_ones WHERE ended_at IS NULL").one().n;
  // A check already due sooner stands, so a busy hub cannot keep pushing it away.
  const current = room.alarms.at(INVITE_ALARM);
  const chatCheck =
    chats === 0
      ? null
      : current !== undefined && current > now && current <= now + CHAT_CHECK_MS
        ? current
        : now + CHAT_CHECK_MS;
  const next = [expiry, chatCheck].filter((t): t is number => t !== null);
  if (next.length > 0) room.alarms.schedule(INVITE_ALARM, Math.min(...next));
  else room.alarms.cancel(INVITE_ALARM);
}

const CHAT_CHECK_MS = 30_000;
