import {
  isStaff,
  type QaAskFrame,
  type QaConfiguredEvent,
  type QaConfigureFrame,
  type QaHighlightedEvent,
  type QaHighlightFrame,
  type QaMineFrame,
  type QaModerateFrame,
  type QaQuestion,
  type QaQuestionEvent,
  type QaRemovedEvent,
  type QaSnapshot,
  type QaUpvoteFrame,
  type QaVotesEvent,
} from "../../../../core/protocol";
import { decideAsk, decideHighlight, decideUpvote, isPublic, moderate } from "./rules";
import { ok, refuse, type Outcome } from "../../../../core/rules/outcome";
import type { FrameContext, RoomContext } from "../../../runtime/context";
import type { Unsequenced } from "../../../runtime/events";
import { mutate } from "../../../runtime/mutate";
import { readSettings, writeSettings } from "../../settings";
import { recordActivity, report as toReport } from "../reports";
import {
  askedCount,
  changeUpvote,
  getQuestion,
  hasUpvote,
  insertQuestion,
  questionsFor,
  setStatus,
  toQuestion,
  votesOf,
  type QuestionRow,
} from "./store";
import { newId } from "../../../../server/ids";

/** The tick's stored name. */
export const QA_TICK = "qa";

export const onQaAsk = (frame: QaAskFrame, fc: FrameContext) => mutate(fc, frame, () => ask(frame, fc));
export const onQaUpvote = (frame: QaUpvoteFrame, fc: FrameContext) => mutate(fc, frame, () => upvote(frame, fc));
export const onQaModerate = (frame: QaModerateFrame, fc: FrameContext) =>
  mutate(fc, frame, () => moderateQuestion(frame, fc), { moderator: true });
export const onQaHighlight = (frame: QaHighlightFrame, fc: FrameContext) =>
  mutate(fc, frame, () => highlight(frame, fc), { moderator: true });

export function onQaConfigure(frame: QaConfigureFrame, fc: FrameContext): void {
  mutate(
    fc,
    frame,
    () => {
      writeSettings(fc.room.sql, { qaEnabled: frame.enabled, qaApproval: frame.requireApproval });
      fc.room.publish("all", {
        type: "qa/configured",
        enabled: frame.enabled,
        requireApproval: frame.requireApproval,
      } satisfies Unsequenced<QaConfiguredEvent>);
      return ok(undefined);
    },
    { moderator: true },
  );
}

function ask(frame: QaAskFrame, { room, who }: FrameContext): Outcome<string> {
  const settings = readSettings(room.sql);
  const decision = decideAsk(
    {
      enabled: settings.qaEnabled,
      requireApproval: settings.qaApproval,
      staff: isStaff(who.role),
      asked: askedCount(room.sql, who.registrationId),
    },
    frame.text,
  );
  if (!decision.ok) return decision;
  const question: QaQuestion = {
    id: newId("q"),
    text: decision.value.text,
    authorName: frame.anonymous ? null : who.name,
    at: room.now(),
    status: decision.value.status,
    votes: 0,
  };
  insertQuestion(room.sql, question, who.registrationId);
  recordActivity(room, who.registrationId, "question");
  room.publish(isPublic(question.status) ? "all" : "staff", {
    type: "qa/question",
    question,
  } satisfies Unsequenced<QaQuestionEvent>);
  report(room, question, null);
  return ok(question.id);
}

function upvote(frame: QaUpvoteFrame, { room, who }: FrameContext): Outcome {
  const row = getQuestion(room.sql, frame.questionId);
  // Participants cannot know about questions they cannot see; staff may not vote on them either.
  if (!row || (!isPublic(row.status) && frame.up)) return refuse("not_found", "That question does not exist.");
  const decision = decideUpvote(
    { status: row.status, own: row.registration_id === who.registrationId },
    hasUpvote(room.sql, row.id, who.registrationId),
    frame.up,
  );
  if (!decision.ok) return decision;
  if (decision.value === "none") return ok(undefined);
  changeUpvote(room.sql, row.id, who.registrationId, decision.value === "add");
  // Upvotes given (taking one back does not undo the deed for the report).
  if (decision.value === "add") recordActivity(room, who.registrationId, "upvote");
  room.ticker.mark(QA_TICK, row.id);
  return ok(undefined);
}

function moderateQuestion(frame: QaModerateFrame, { room }: FrameContext): Outcome {
  const before = getQuestion(room.sql, frame.questionId);
  if (!before) return refuse("not_found", "That question does not exist.");
  const next = moderate(before.status, frame.action);
  if (!next.ok) return next;
  const after = setStatus(room.sql, before.id, next.value, room.now());
  const question = toQuestion(after);
  if (isPublic(after.status)) {
    room.publish("all", { type: "qa/question", question } satisfies Unsequenced<QaQuestionEvent>);
  } else {
    room.publish("staff", { type: "qa/question", question } satisfies Unsequenced<QaQuestionEvent>);
    if (isPublic(before.status))
      room.publish("participants", { type: "qa/removed", questionId: after.id } satisfies Unsequenced<QaRemovedEvent>);
    // A question that leaves the public view leaves the stage too.
    if (readSettings(room.sql).highlighted === after.id) setHighlight(room, null);
  }
  // The asker hears every change to their own question, also those nobody else sees (a pending
  // question dismissed), so the page never keeps saying it waits for review.
  room.sendToPerson(after.registration_id, { type: "qa/mine", question } satisfies QaMineFrame);
  report(room, question, after);
  return ok(undefined);
}

function highlight(frame: QaHighlightFrame, { room }: FrameContext): Outcome {
  if (frame.questionId !== null) {
    const allowed = decideHighlight(getQuestion(room.sql, frame.questionId));
    if (!allowed.ok) return allowed;
  }
  setHighlight(room, frame.questionId);
  return ok(undefined);
}

function setHighlight(room: RoomContext, questionId: string | null): void {
  writeSettings(room.sql, { highlighted: questionId });
  room.publish("all", { type: "qa/highlighted", questionId } satisfies Unsequenced<QaHighlightedEvent>);
}

/** The question's row in the D1 report (written through the outbox, so bursts coalesce). */
function report(room: RoomContext, q: QaQuestion, row: QuestionRow | null): void {
  toReport(room, {
    kind: "question",
    questionId: q.id,
    text: q.text,
    authorName: q.authorName,
    status: q.status,
    votes: q.votes,
    askedAt: q.at,
    answeredAt: row?.answered_at ?? null,
  });
}

/** Tick: the upvote counts that changed, in one event, and their report rows. */
export function flushQaVotes(room: RoomContext, ids: string[]): void {
  const votes = votesOf(room.sql, ids);
  if (Object.keys(votes).length === 0) return;
  room.publish("all", { type: "qa/votes", votes } satisfies Unsequenced<QaVotesEvent>);
  for (const id of Object.keys(votes)) {
    const row = getQuestion(room.sql, id);
    if (row) report(room, toQuestion(row), row);
  }
}

export function qaSnapshot(room: RoomContext, staff: boolean): QaSnapshot {
  const settings = readSettings(room.sql);
  return {
    enabled: settings.qaEnabled,
    requireApproval: settings.qaApproval,
    questions: questionsFor(room.sql, staff),
    highlighted: settings.highlighted,
  };
}
