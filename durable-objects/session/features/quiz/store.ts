import type { QuizDefinition, QuizPhase } from "../../../../core/protocol/quiz";
import type { QuizRun, ScoreRow, ScoredAnswer } from "./rules";
import type { Migration } from "../../../runtime/migrations";
import { itemColumns, type ItemRow, translationsColumn, translationsOf } from "../items/store";

export const quizMigrations: readonly Migration[] = [
  {
    id: "quiz/0001_quizzes",
    sql: `CREATE TABLE quizzes (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL,
      questions TEXT NOT NULL,
      current INTEGER,
      phase TEXT,
      started_at INTEGER,
      deadline INTEGER,
      ${itemColumns}
    );
    CREATE TABLE quiz_answers (
      quiz_id TEXT NOT NULL,
      question INTEGER NOT NULL,
      registration_id TEXT NOT NULL,
      name TEXT NOT NULL,
      choice INTEGER NOT NULL,
      correct INTEGER NOT NULL,
      elapsed_ms INTEGER NOT NULL,
      points INTEGER NOT NULL,
      at INTEGER NOT NULL,
      PRIMARY KEY (quiz_id, question, registration_id)
    ) WITHOUT ROWID;
    CREATE INDEX quiz_answers_person ON quiz_answers (registration_id)`,
  },
  {
    // Organizer-written texts in the event's other languages (JSON, null without any).
    id: "quiz/0002_translations",
    sql: "ALTER TABLE quizzes ADD COLUMN translations TEXT",
  },
];

export type QuizRow = ItemRow & {
  title: string;
  questions: string;
  current: number | null;
  phase: QuizPhase | null;
  started_at: number | null;
  deadline: number | null;
  translations: string | null;
};

export const quizDefinition = (r: QuizRow): QuizDefinition => ({
  title: r.title,
  questions: JSON.parse(r.questions) as QuizDefinition["questions"],
  ...translationsOf<QuizDefinition>(r.translations),
});

export const quizRun = (r: QuizRow): QuizRun => ({
  status: r.status,
  index: r.current,
  phase: r.phase,
  startedAt: r.started_at,
  deadline: r.deadline,
});

export function insertQuiz(
  sql: SqlStorage,
  id: string,
  def: QuizDefinition,
  now: number,
  preparedId: string | null = null,
): void {
  sql.exec(
    "INSERT INTO quizzes (id, title, questions, translations, created_at, prepared_id) VALUES (?, ?, ?, ?, ?, ?)",
    id,
    def.title,
    JSON.stringify(def.questions),
    translationsColumn(def.translations),
    now,
    preparedId,
  );
}

export function saveRun(sql: SqlStorage, id: string, run: QuizRun): void {
  sql.exec(
    "UPDATE quizzes SET status = ?, current = ?, phase = ?, started_at = ?, deadline = ? WHERE id = ?",
    run.status,
    run.index,
    run.phase,
    run.startedAt,
    run.deadline,
    id,
  );
}

/** The quiz whose question is taking answers, if any (at most one runs at a time). */
export function answeringQuizzes(sql: SqlStorage): QuizRow[] {
  return sql
    .exec<QuizRow>("SELECT * FROM quizzes WHERE status = 'open' AND phase = 'answering' ORDER BY deadline")
    .toArray();
}

export function hasAnswered(sql: SqlStorage, quizId: string, question: number, registrationId: string): boolean {
  return (
    sql
      .exec(
        "SELECT 1 FROM quiz_answers WHERE quiz_id = ? AND question = ? AND registration_id = ?",
        quizId,
        question,
        registrationId,
      )
      .toArray().length > 0
  );
}

export function insertAnswer(
  sql: SqlStorage,
  a: { quizId: string; question: number; registrationId: string; name: string; choice: number } & ScoredAnswer,
  now: number,
): void {
  sql.exec(
    `INSERT INTO quiz_answers (quiz_id, question, registration_id, name, choice, correct, elapsed_ms, points, at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    a.quizId,
    a.question,
    a.registrationId,
    a.name,
    a.choice,
    a.correct ? 1 : 0,
    a.elapsedMs,
    a.points,
    now,
  );
}

export function answeredCount(sql: SqlStorage, quizId: string, question: number): number {
  return sql
    .exec<{ n: number }>("SELECT COUNT(*) AS n FROM quiz_answers WHERE quiz_id = ? AND question = ?", quizId, question)
    .one().n;
}

export function choiceCounts(sql: SqlStorage, quizId: string, question: number, optionCount: number): number[] {
  const counts = Array.from({ length: optionCount }, () => 0);
  for (const row of sql.exec<{ choice: number; n: number }>(
    "SELECT choice, COUNT(*) AS n FROM quiz_answers WHERE quiz_id = ? AND question = ? GROUP BY choice",
    quizId,
    question,
  )) {
    if (row.choice < optionCount) counts[row.choice] = row.n;
  }
  return counts;
}

/**
 * Totals per person over the questions revealed so far (`upTo` inclusive): answers to a question
 * still running must not move the leaderboard before its answer is shown.
 */
export function scoreRows(sql: SqlStorage, quizId: string, upTo: number): ScoreRow[] {
  return sql
    .exec<{ registration_id: string; name: string; points: number; correct: number; time_ms: number }>(
      `SELECT registration_id, MAX(name) AS name, SUM(points) AS points, SUM(correct) AS correct,
              SUM(CASE WHEN correct = 1 THEN elapsed_ms ELSE 0 END) AS time_ms
       FROM quiz_answers WHERE quiz_id = ? AND question <= ? GROUP BY registration_id`,
      quizId,
      upTo,
    )
    .toArray()
    .map((r) => ({
      registrationId: r.registration_id,
      name: r.name,
      points: r.points,
      correct: r.correct,
      timeMs: r.time_ms,
    }));
}

export function playerCount(sql: SqlStorage, quizId: string): number {
  return sql
    .exec<{ n: number }>("SELECT COUNT(DISTINCT registration_id) AS n FROM quiz_answers WHERE quiz_id = ?", quizId)
    .one().n;
}

export function answersBy(sql: SqlStorage, registrationId: string): Map<string, Record<number, number>> {
  const byQuiz = new Map<string, Record<number, number>>();
  for (const r of sql.exec<{ quiz_id: string; question: number; choice: number }>(
    "SELECT quiz_id, question, choice FROM quiz_answers WHERE registration_id = ?",
    registrationId,
  )) {
    const answers = byQuiz.get(r.quiz_id) ?? {};
    answers[r.question] = r.choice;
    byQuiz.set(r.quiz_id, answers);
  }
  return byQuiz;
}
