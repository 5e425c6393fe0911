import * as v from "valibot";
import { EntityId, MutationId, Text, type Sequenced } from "./common";
import { Limits } from "./limits";
import type { WireFrame } from "./wire";

export const QaAskFrame = v.strictObject({
  type: v.literal("qa/ask"),
  id: MutationId,
  text: Text(Limits.questionChars),
  anonymous: v.optional(v.boolean(), false),
});
export type QaAskFrame = v.InferOutput<typeof QaAskFrame>;

/** Upvote a question (`up: true`) or take the upvote back (`up: false`). Once per person. */
export const QaUpvoteFrame = v.strictObject({
  type: v.literal("qa/upvote"),
  id: MutationId,
  questionId: EntityId,
  up: v.boolean(),
});
export type QaUpvoteFrame = v.InferOutput<typeof QaUpvoteFrame>;

export const QaModerationActions = ["approve", "answer", "dismiss", "reopen"] as const;
export type QaModerationAction = (typeof QaModerationActions)[number];

/** Moderator: approve a pending question, mark it answered, dismiss it, or bring it back. */
export const QaModerateFrame = v.strictObject({
  type: v.literal("qa/moderate"),
  id: MutationId,
  questionId: EntityId,
  action: v.picklist(QaModerationActions),
});
export type QaModerateFrame = v.InferOutput<typeof QaModerateFrame>;

/** Moderator: put one question on the stage (the producer's output page shows it), or none. */
export const QaHighlightFrame = v.strictObject({
  type: v.literal("qa/highlight"),
  id: MutationId,
  questionId: v.nullable(EntityId),
});
export type QaHighlightFrame = v.InferOutput<typeof QaHighlightFrame>;

export const QaConfigureFrame = v.strictObject({
  type: v.literal("qa/configure"),
  id: MutationId,
  enabled: v.boolean(),
  /** Questions wait for a moderator's approval before anyone else sees them. */
  requireApproval: v.boolean(),
});
export type QaConfigureFrame = v.InferOutput<typeof QaConfigureFrame>;

export const QaFrames = [QaAskFrame, QaUpvoteFrame, QaModerateFrame, QaHighlightFrame, QaConfigureFrame] as const;
export type QaFrame = QaAskFrame | QaUpvoteFrame | QaModerateFrame | QaHighlightFrame | QaConfigureFrame;

/** pending: waits for approval (staff and the asker see it); open and answered: everyone sees it. */
export const QaStatuses = ["pending", "open", "answered", "dismissed"] as const;
export type QaStatus = (typeof QaStatuses)[number];

export interface QaQuestion {
  id: string;
  text: string;
  /** Null when asked anonymously: nobody, staff included, sees who asked. */
  authorName: string | null;
  at: number;
  status: QaStatus;
  votes: number;
}

/** A question appeared or changed. Participants only receive questions everyone may see. */
export type QaQuestionEvent = Sequenced<"qa/question", { question: QaQuestion }>;
/** A question participants could see is gone for them (dismissed, or back to pending). */
export type QaRemovedEvent = Sequenced<"qa/removed", { questionId: string }>;
/** Upvote counts that changed since the last update (at most four a second). */
export type QaVotesEvent = Sequenced<"qa/votes", { votes: Record<string, number> }>;
export type QaHighlightedEvent = Sequenced<"qa/highlighted", { questionId: string | null }>;
export type QaConfiguredEvent = Sequenced<"qa/configured", { enabled: boolean; requireApproval: boolean }>;
export type QaEvent = QaQuestionEvent | QaRemovedEvent | QaVotesEvent | QaHighlightedEvent | QaConfiguredEvent;

export interface QaSnapshot {
  enabled: boolean;
  requireApproval: boolean;
  /** Everything the receiver may see: public questions, plus pending and dismissed ones for staff. */
  questions: QaQuestion[];
  highlighted: string | null;
}

export interface QaMine {
  /** Questions this person upvoted. */
  upvoted: string[];
  /** Questions this person asked (anonymous ones included), with their current state. */
  asked: QaQuestion[];
}

/**
 * Personal, to the asker's own sockets: a question they asked changed status. Events reach only
 * those who may see the question, so without this an asker would never hear that a question
 * waiting for review was dismissed (and `me` would only tell them on their next reconnect).
 */
export type QaMineFrame = WireFrame<"qa/mine", { question: QaQuestion }>;
