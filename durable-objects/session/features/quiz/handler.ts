import type {
  QuizAnswerFrame,
  QuizLockFrame,
  QuizNextFrame,
  QuizProgressEvent,
  QuizStartFrame,
} from "../../../../core/protocol";
import { ok, refuse, type Outcome } from "../../../../core/rules/outcome";
import { prepareQuiz } from "../../../../core/rules/prepare";
import type { FrameContext, RoomContext } from "../../../runtime/context";
import type { Unsequenced } from "../../../runtime/events";
import { mutate } from "../../../runtime/mutate";
import { openedItem, publishItem, type ItemKindSpec } from "../items/handler";
import { applyItemAction } from "../items/rules";
import { itemRow, itemState, saveItemState } from "../items/store";
import { recordActivity, report } from "../reports";
import { decideAnswer, lockQuestion, nextQuestion, startQuiz, type QuizRun } from "./rules";
import {
  answeredCount,
  answeringQuizzes,
  hasAnswered,
  insertAnswer,
  insertQuiz,
  quizDefinition,
  quizRun,
  saveRun,
  type QuizRow,
} from "./store";
import { quizView, rankingOf, revealedUpTo, sendStandings } from "./views";

/** The tick's and the alarm's stored names. */
export const QUIZ_TICK = "quiz";
export const QUIZ_DEADLINE_ALARM = "quiz-deadline";

/**
 * Quizzes in the shared item life cycle. A quiz is started rather than opened (its first
 * question begins at once), moves on question by question, and closes after its last one.
 */
export const quizItems: ItemKindSpec<"quiz", QuizRow> = {
  kind: "quiz",
  table: "quizzes",
  idPrefix: "quiz",
  prepare: prepareQuiz,
  insert: insertQuiz,
  view: quizView,
  report: reportQuiz,
  // Hiding a quiz mid-question ends the question first, so its answers are scored.
  beforeHide: (room, id) => void advance(room, id, (run) => lockQuestion(run, room.now())),
};

const moderator = { moderator: true };
export const onQuizStart = (frame: QuizStartFrame, fc: FrameContext) =>
  mutate(fc, frame, () => start(fc.room, frame.quizId), moderator);
export const onQuizLock = (frame: QuizLockFrame, fc: FrameContext) =>
  mutate(fc, frame, () => advance(fc.room, frame.quizId, (run) => lockQuestion(run, fc.room.now())), moderator);
export const onQuizNext = (frame: QuizNextFrame, fc: FrameContext) =>
  mutate(
    fc,
    frame,
    () => advance(fc.room, frame.quizId, (run, row) => nextQuestion(run, quizDefinition(row), fc.room.now())),
    moderator,
  );
export const onQuizAnswer = (frame: QuizAnswerFrame, fc: FrameContext) => mutate(fc, frame, () => answer(frame, fc));

function start(room: RoomContext, quizId: string): Outcome {
  const row = itemRow<QuizRow>(room.sql, "quizzes", quizId);
  if (!row) return refuse("not_found", "That quiz does not exist.");
  if (answeringQuizzes(room.sql).length > 0)
    return refuse("conflict", "Another quiz is asking a question; finish it first.");
  const run = startQuiz(quizRun(row), quizDefinition(row), room.now());
  if (!run.ok) return run;
  const opened = applyItemAction(itemState(row), "open", room.now());
  if (!opened.ok) return opened;
  saveItemState(room.sql, "quizzes", quizId, opened.value);
  saveRun(room.sql, quizId, run.value);
  scheduleDeadline(room);
  publishItem(room, quizItems, { before: row, after: itemRow<QuizRow>(room.sql, "quizzes", quizId) });
  return ok(undefined);
}

/** Moves a running quiz on (lock, next): saves, re-arms the deadline alarm, publishes and scores. */
function advance(room: RoomContext, quizId: string, step: (run: QuizRun, row: QuizRow) => Outcome<QuizRun>): Outcome {
  const before = itemRow<QuizRow>(room.sql, "quizzes", quizId);
  if (!before) return refuse("not_found", "That quiz does not exist.");
  const run = step(quizRun(before), before);
  if (!run.ok) return run;
  saveRun(room.sql, quizId, run.value);
  const finished = run.value.status === "closed";
  if (finished)
    saveItemState(room.sql, "quizzes", quizId, { ...itemState(before), status: "closed", closedAt: room.now() });
  scheduleDeadline(room);
  const after = itemRow<QuizRow>(room.sql, "quizzes", quizId)!;
  publishItem(room, quizItems, { before, after });
  if (run.value.phase === "revealed" && before.phase === "answering") {
    sendStandings(room, after);
    reportQuiz(room, after);
  }
  if (finished) reportQuiz(room, after);
  return ok(undefined);
}

function answer(frame: QuizAnswerFrame, { room, who }: FrameContext): Outcome {
  const row = openedItem<QuizRow>(room, "quizzes", frame.quizId);
  if (!row) return refuse("not_found", "That quiz does not exist.");
  const now = room.now();
  const scored = decideAnswer(
    quizRun(row),
    quizDefinition(row),
    frame.question,
    frame.choice,
    now,
    hasAnswered(room.sql, row.id, frame.question, who.registrationId),
  );
  if (!scored.ok) return scored;
  insertAnswer(
    room.sql,
    {
      quizId: row.id,
      question: frame.question,
      registrationId: who.registrationId,
      name: who.name,
      choice: frame.choice,
      ...scored.value,
    },
    now,
  );
  recordActivity(room, who.registrationId, "answer");
  room.ticker.mark(QUIZ_TICK, row.id);
  return ok(undefined);
}

/** Arms the shared alarm for the earliest question deadline (at most one quiz asks at a time). */
function scheduleDeadline(room: RoomContext): void {
  const next = answeringQuizzes(room.sql)[0];
  if (next?.deadline != null) room.alarms.schedule(QUIZ_DEADLINE_ALARM, next.deadline);
  else room.alarms.cancel(QUIZ_DEADLINE_ALARM);
}

/** The deadline alarm: locks every question whose time is up, each in its own transaction. */
export function onQuizDeadline(room: RoomContext): void {
  const now = room.now();
  for (const row of answeringQuizzes(room.sql)) {
    if (row.deadline !== null && row.deadline <= now)
      room.transaction(() => advance(room, row.id, (run) => lockQuestion(run, now)));
  }
  scheduleDeadline(room);
}

/** Written after every revealed question and at the end, so the report has the latest scores. */
function reportQuiz(room: RoomContext, row: QuizRow): void {
  const def = quizDefinition(row);
  const ranking = rankingOf(room, row.id, revealedUpTo(quizRun(row)));
  report(room, {
    kind: "result",
    interactionId: row.id,
    title: def.title,
    closedAt: row.closed_at,
    result: {
      type: "quiz",
      title: def.title,
      questionCount: def.questions.length,
      scores: ranking.ranked.map(({ rank, registrationId, name, points, correct }) => ({
        rank,
        registrationId,
        name,
        points,
        correct,
      })),
    },
  });
}

/** Tick: how many answered the current question so far. */
export function flushQuizProgress(room: RoomContext, ids: string[]): void {
  for (const id of ids) {
    const row = itemRow<QuizRow>(room.sql, "quizzes", id);
    if (!row || row.current === null) continue;
    const event = {
      type: "quiz/progress",
      quizId: id,
      answered: answeredCount(room.sql, id, row.current),
    } satisfies Unsequenced<QuizProgressEvent>;
    room.publish(row.visible ? "all" : "staff", event);
  }
}
