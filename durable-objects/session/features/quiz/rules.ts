import type { ItemStatus } from "../../../../core/protocol/items";
import type { QuizDefinition, QuizPhase } from "../../../../core/protocol/quiz";
import { ok, refuse, type Outcome } from "../../../../core/rules/outcome";

/** Where a quiz is: which question, whether answers are still taken, and until when. */
export interface QuizRun {
  status: ItemStatus;
  index: number | null;
  phase: QuizPhase | null;
  startedAt: number | null;
  deadline: number | null;
}

export const idleRun = (): QuizRun => ({ status: "draft", index: null, phase: null, startedAt: null, deadline: null });

const askQuestion = (def: QuizDefinition, index: number, now: number): QuizRun => ({
  status: "open",
  index,
  phase: "answering",
  startedAt: now,
  deadline: now + def.questions[index]!.seconds * 1000,
});

export function startQuiz(run: QuizRun, def: QuizDefinition, now: number): Outcome<QuizRun> {
  if (run.status !== "draft") return refuse("conflict", "This quiz has already been started.");
  return ok(askQuestion(def, 0, now));
}

/** Ends answering for the current question: at its deadline (the alarm) or early (the moderator). */
export function lockQuestion(run: QuizRun, now: number): Outcome<QuizRun> {
  if (run.status !== "open" || run.phase !== "answering") return refuse("conflict", "No question is taking answers.");
  return ok({ ...run, phase: "revealed", deadline: Math.min(run.deadline ?? now, now) });
}

/** After a revealed question: the next question, or the end of the quiz after the last one. */
export function nextQuestion(run: QuizRun, def: QuizDefinition, now: number): Outcome<QuizRun> {
  if (run.status !== "open" || run.phase !== "revealed" || run.index === null) {
    return refuse("conflict", "Show the answer to the current question first.");
  }
  if (run.index + 1 >= def.questions.length) return ok({ ...run, status: "closed" });
  return ok(askQuestion(def, run.index + 1, now));
}

/**
 * Kahoot-style points: a right answer earns 500 to 1,000 points, the faster the more; a wrong
 * answer earns nothing.
 */
export function score(elapsedMs: number, limitMs: number, correct: boolean): number {
  if (!correct) return 0;
  const fraction = Math.min(1, Math.max(0, elapsedMs / limitMs));
  return Math.round(1000 * (1 - fraction / 2));
}

export interface ScoredAnswer {
  correct: boolean;
  elapsedMs: number;
  points: number;
}

export function decideAnswer(
  run: QuizRun,
  def: QuizDefinition,
  question: number,
  choice: number,
  now: number,
  alreadyAnswered: boolean,
): Outcome<ScoredAnswer> {
  if (run.status !== "open" || run.index !== question) return refuse("closed", "This question is not taking answers.");
  // The deadline is checked here too: the alarm that locks the question may run a little late.
  if (run.phase !== "answering" || run.deadline === null || run.startedAt === null || now > run.deadline) {
    return refuse("closed", "Time is up for this question.");
  }
  const q = def.questions[question]!;
  if (choice >= q.options.length) return refuse("bad_frame", "That option does not exist.", { field: "choice" });
  if (alreadyAnswered) return refuse("conflict", "You already answered this question.");
  const elapsedMs = now - run.startedAt;
  const correct = choice === q.correct;
  return ok({ correct, elapsedMs, points: score(elapsedMs, q.seconds * 1000, correct) });
}

export interface ScoreRow {
  registrationId: string;
  name: string;
  points: number;
  correct: number;
  /** Total time taken on right answers. */
  timeMs: number;
}

/**
 * Ranks everyone with an answer. Ties are broken, in order, by more right answers, less time on
 * the right answers, and finally the registration id, so the order never depends on timing or
 * on the database's row order.
 */
export function rank<T extends ScoreRow>(rows: readonly T[]): (T & { rank: number })[] {
  return [...rows]
    .sort(
      (a, b) =>
        b.points - a.points ||
        b.correct - a.correct ||
        a.timeMs - b.timeMs ||
        (a.registrationId < b.registrationId ? -1 : a.registrationId > b.registrationId ? 1 : 0),
    )
    .map((row, i) => ({ ...row, rank: i + 1 }));
}
