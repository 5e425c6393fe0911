import type {
  InvitationView,
  InviteMine,
  InviteNoticeFrame,
  InviteNoticeKind,
  InviteYouFrame,
  PersonCard,
} from "../../../../core/protocol";
import type { RoomContext } from "../../../runtime/context";
import { activeChatOf, blockedBy, fromCard, otherIn, pendingFor, toCard, type InviteRow } from "./store";

const view = (r: InviteRow): InvitationView => ({
  id: r.id,
  from: fromCard(r),
  to: toCard(r),
  sentAt: r.sent_at,
  expiresAt: r.expires_at,
});

/** One person's invitations, 1:1 and blocks, as their page shows them. */
export function inviteMine(room: RoomContext, me: string): InviteMine {
  const pending = pendingFor(room.sql, me);
  const chat = activeChatOf(room.sql, me);
  return {
    incoming: pending.filter((r) => r.to_id === me).map(view),
    outgoing: pending.filter((r) => r.from_id === me).map(view),
    chat: chat ? { id: chat.id, call: chat.call, with: otherIn(chat, me), startedAt: chat.started_at } : null,
    blocked: blockedBy(room.sql, me),
  };
}

/** Sends each person (every tab they have open) their current state. */
export function tellState(room: RoomContext, ...people: string[]): void {
  for (const id of new Set(people))
    room.sendToPerson(id, { type: "invite/you", you: inviteMine(room, id) } satisfies InviteYouFrame);
}

export function notify(
  room: RoomContext,
  to: string,
  kind: InviteNoticeKind,
  person: PersonCard,
  inviteId?: string,
): void {
  room.sendToPerson(to, {
    type: "invite/notice",
    kind,
    person,
    ...(inviteId ? { inviteId } : {}),
  } satisfies InviteNoticeFrame);
}
