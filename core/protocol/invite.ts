import * as v from "valibot";
import { EntityId, MutationId } from "./common";
import type { PersonCard } from "./networking";
import type { WireFrame } from "./wire";

/**
 * One-to-one invitations, in the event hub. A person invites someone from the directory; the
 * invitee sees it on whatever page they are and accepts or declines; an accepted invitation
 * becomes a private call for the two of them. Everything here is personal: the hub sends each
 * person their own state (`invite/you`) after hello and after every change, and a short notice
 * (`invite/notice`) of what just happened, for the page to announce.
 */
export const InviteLimits = {
  /** An unanswered invitation lapses after this long. */
  ttlMs: 120_000,
  /** Invitations one person may have waiting for an answer at once. */
  maxOutstanding: 3,
  /** Per inviter: at most `perInviterMax` invitations in `perInviterWindowMs`. */
  perInviterMax: 10,
  perInviterWindowMs: 10 * 60_000,
  /** Per pair: at most `perPairMax` invitations to the same person in `perPairWindowMs`… */
  perPairMax: 3,
  perPairWindowMs: 60 * 60_000,
  /** …and none for this long after they declined. */
  declineCooldownMs: 10 * 60_000,
  /** A 1:1 whose call has been empty this long is over (both closed the page without hanging up). */
  idleChatMs: 120_000,
} as const;

export const InviteSendFrame = v.strictObject({ type: v.literal("invite/send"), id: MutationId, to: EntityId });
export type InviteSendFrame = v.InferOutput<typeof InviteSendFrame>;

/** The inviter takes a waiting invitation back. */
export const InviteWithdrawFrame = v.strictObject({
  type: v.literal("invite/withdraw"),
  id: MutationId,
  inviteId: EntityId,
});
export type InviteWithdrawFrame = v.InferOutput<typeof InviteWithdrawFrame>;

/** The invitee accepts or declines; declining can also block the inviter from inviting again. */
export const InviteAnswerFrame = v.strictObject({
  type: v.literal("invite/answer"),
  id: MutationId,
  inviteId: EntityId,
  accept: v.boolean(),
  block: v.optional(v.boolean()),
});
export type InviteAnswerFrame = v.InferOutput<typeof InviteAnswerFrame>;

/** Block (or unblock) a person: their invitations are refused without telling them why. */
export const InviteBlockFrame = v.strictObject({
  type: v.literal("invite/block"),
  id: MutationId,
  registrationId: EntityId,
  blocked: v.boolean(),
});
export type InviteBlockFrame = v.InferOutput<typeof InviteBlockFrame>;

/** Either person ends their 1:1 (for both). */
export const InviteHangupFrame = v.strictObject({ type: v.literal("invite/hangup"), id: MutationId, chatId: EntityId });
export type InviteHangupFrame = v.InferOutput<typeof InviteHangupFrame>;

export const InviteFrames = [
  InviteSendFrame,
  InviteWithdrawFrame,
  InviteAnswerFrame,
  InviteBlockFrame,
  InviteHangupFrame,
] as const;
export type InviteFrame =
  | InviteSendFrame
  | InviteWithdrawFrame
  | InviteAnswerFrame
  | InviteBlockFrame
  | InviteHangupFrame;

export interface InvitationView {
  id: string;
  from: PersonCard;
  to: PersonCard;
  sentAt: number;
  /** Server time; the page counts down to it. */
  expiresAt: number;
}

export interface OneToOneView {
  id: string;
  /** The call's id in the hub, for the call view and the join endpoint. */
  call: string;
  with: PersonCard;
  startedAt: number;
}

export interface InviteMine {
  incoming: InvitationView[];
  outgoing: InvitationView[];
  chat: OneToOneView | null;
  blocked: PersonCard[];
}

export type InviteYouFrame = WireFrame<"invite/you", { you: InviteMine }>;

/**
 * What just happened, from the receiver's side: `received` an invitation; one of theirs was
 * `accepted`, `declined`, `withdrawn` (by its sender), `expired`, or `cancelled` because one of
 * the two started another 1:1; the other person `ended` the 1:1.
 */
export const InviteNoticeKinds = [
  "received",
  "accepted",
  "declined",
  "withdrawn",
  "expired",
  "cancelled",
  "ended",
] as const;
export type InviteNoticeKind = (typeof InviteNoticeKinds)[number];
export type InviteNoticeFrame = WireFrame<
  "invite/notice",
  { kind: InviteNoticeKind; person: PersonCard; inviteId?: string }
>;

export type InviteServerFrame = InviteYouFrame | InviteNoticeFrame;
