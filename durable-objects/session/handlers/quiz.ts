import type { QuizAnswerFrame, QuizFrame, QuizProgressEvent, QuizRemovedEvent, QuizUpsertEvent } from "../../../core/protocol";
import { applyItemAction, type ItemAction } from "../features/lifecycle";
import { ok, refuse, type Outcome } from "../../../core/rules/outcome";
import { decideAnswer, lockQuestion, nextQuestion, startQuiz, type QuizRun } from "../features/quiz";
import { AlarmName } from "../../runtime/alarms";
import type { FrameContext, RoomContext } from "../../runtime/context";
import type { Unsequenced } from "../../runtime/events";
import { mutate } from "../../runtime/mutate";
import { itemRow, itemState, saveItemState } from "../store/items";
import { answeredCount, answeringQuizzes, hasAnswered, insertAnswer, insertQuiz, quizDefinition, quizRun, saveRun, type QuizRow } from "../store/quiz";
import { changeItem, publishItem, type ItemChange } from "./items";
import { quizView, rankingOf, revealedUpTo, sendStandings } from "./quiz-views";
import { newId } from "../../../server/ids";
import { prepareQuiz } from "../../../core/rules/prepare";

export function onQuiz(frame: QuizFrame, fc: FrameContext): void {
  const { room } = fc;
  const moderator = { moderator: true };
  const lifecycle = (quizId: string, action: ItemAction) => () =>
    changeItem<QuizRow>(room, "quizzes", quizId, action, (change) => {
      publishQuiz(room, change);
      if (change.closed && change.after) reportQuiz(room, change.after);
    });
  switch (frame.type) {
    case "quiz/create":
      return mutate(
        fc,
        frame,
        () => {
          const def = prepareQuiz(frame.quiz);
          if (!def.ok) return def;
          const id = newId("quiz");
          insertQuiz(room.sql, id, def.value, room.now());
          const row = itemRow<QuizRow>(room.sql, "quizzes", id)!;
          publishQuiz(room, { before: row, after: row });
          return ok(id);
        },
        moderator,
      );
    case "quiz/start":
      return mutate(fc, frame, () => start(room, frame.quizId), moderator);
    case "quiz/lock":
      return mutate(fc, frame, () => advance(room, frame.quizId, (run) => lockQuestion(run, room.now())), moderator);
    case "quiz/next":
      return mutate(fc, frame, () => advance(room, frame.quizId, (run, row) => nextQuestion(run, quizDefinition(row), room.now())), moderator);
    case "quiz/visibility":
      return mutate(
        fc,
        frame,
        () => {
          // Hiding a quiz mid-question ends the question first, so its answers are scored.
          if (!frame.visible) advance(room, frame.quizId, (run) => lockQuestion(run, room.now()));
          return lifecycle(frame.quizId, frame.visible ? "show" : "hide")();
        },
        moderator,
      );
    case "quiz/delete":
      return mutate(fc, frame, lifecycle(frame.quizId, "delete"), moderator);
    case "quiz/answer":
      return mutate(fc, frame, () => answer(frame, fc));
    default:
      return frame satisfies never;
  }
}

function start(room: RoomContext, quizId: string): Outcome {
  const row = itemRow<QuizRow>(room.sql, "quizzes", quizId);
  if (!row) return refuse("not_found", "That quiz does not exist.");
  if (answeringQuizzes(room.sql).length > 0) return refuse("conflict", "Another quiz is asking a question; finish it first.");
  const run = startQuiz(quizRun(row), quizDefinition(row), room.now());
  if (!run.ok) return run;
  const opened = applyItemAction(itemState(row), "open", room.now());
  if (!opened.ok) return opened;
  saveItemState(room.sql, "quizzes", quizId, opened.value);
  saveRun(room.sql, quizId, run.value);
  scheduleDeadline(room);
  publishQuiz(room, { before: row, after: itemRow<QuizRow>(room.sql, "quizzes", quizId) });
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
  if (finished) saveItemState(room.sql, "quizzes", quizId, { ...itemState(before), status: "closed", closedAt: room.now() });
  scheduleDeadline(room);
  const after = itemRow<QuizRow>(room.sql, "quizzes", quizId)!;
  publishQuiz(room, { before, after });
  if (run.value.phase === "revealed" && before.phase === "answering") {
    sendStandings(room, after);
    reportQuiz(room, after);
  }
  if (finished) reportQuiz(room, after);
  return ok(undefined);
}

function answer(frame: QuizAnswerFrame, { room, who }: FrameContext): Outcome {
  const row = itemRow<QuizRow>(room.sql, "quizzes", frame.quizId);
  if (!row || row.status === "draft") return refuse("not_found", "That quiz does not exist.");
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
  insertAnswer(room.sql, { quizId: row.id, question: frame.question, registrationId: who.registrationId, name: who.name, choice: frame.choice, ...scored.value }, now);
  room.ticker.mark("quiz", row.id);
  return ok(undefined);
}

/** Arms the shared alarm for the earliest question deadline (at most one quiz asks at a time). */
function scheduleDeadline(room: RoomContext): void {
  const next = answeringQuizzes(room.sql)[0];
  if (next?.deadline != null) room.alarms.schedule(AlarmName.quizDeadline, next.deadline);
  else room.alarms.cancel(AlarmName.quizDeadline);
}

/** The deadline alarm: locks every question whose time is up, each in its own transaction. */
export function onQuizDeadline(room: RoomContext): void {
  const now = room.now();
  for (const row of answeringQuizzes(room.sql)) {
    if (row.deadline !== null && row.deadline <= now) room.transaction(() => advance(room, row.id, (run) => lockQuestion(run, now)));
  }
  scheduleDeadline(room);
}

export function publishQuiz(room: RoomContext, change: Pick<ItemChange<QuizRow>, "before" | "after">): void {
  publishItem(
    room,
    change,
    (row, staff) => ({ type: "quiz/upsert", quiz: quizView(room, row, staff) }) satisfies Unsequenced<QuizUpsertEvent>,
    () => ({ type: "quiz/removed", quizId: change.before.id }) satisfies Unsequenced<QuizRemovedEvent>,
  );
}

/** Written after every revealed question and at the end, so the report has the latest scores. */
function reportQuiz(room: RoomContext, row: QuizRow): void {
  const def = quizDefinition(row);
  const ranking = rankingOf(room, row.id, revealedUpTo(quizRun(row)));
  room.report({
      kind: "result",
      interactionId: row.id,
      title: def.title,
      closedAt: row.closed_at,
      result: {
        type: "quiz",
        title: def.title,
        questionCount: def.questions.length,
        scores: ranking.ranked.map(({ rank, registrationId, name, points, correct }) => ({ rank, registrationId, name, points, correct })),
      },
    });
}

/** Tick: how many answered the current question so far. */
export function flushQuizProgress(room: RoomContext, ids: string[]): void {
  for (const id of ids) {
    const row = itemRow<QuizRow>(room.sql, "quizzes", id);
    if (!row || row.current === null) continue;
    const event = { type: "quiz/progress", quizId: id, answered: answeredCount(room.sql, id, row.current) } satisfies Unsequenced<QuizProgressEvent>;
    room.publish(row.visible ? "all" : "staff", event);
  }
}
