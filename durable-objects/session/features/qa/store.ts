import type { QaQuestion, QaStatus } from "../../../../core/protocol/qa";
import type { Migration } from "../../../runtime/migrations";

export const qaMigrations: readonly Migration[] = [
  {
    id: "qa/0001_questions",
    sql: `CREATE TABLE qa_questions (
      id TEXT PRIMARY KEY,
      registration_id TEXT NOT NULL,
      author_name TEXT,
      text TEXT NOT NULL,
      status TEXT NOT NULL,
      votes INTEGER NOT NULL DEFAULT 0,
      at INTEGER NOT NULL,
      answered_at INTEGER
    );
    CREATE INDEX qa_questions_asker ON qa_questions (registration_id);
    CREATE TABLE qa_votes (
      question_id TEXT NOT NULL,
      registration_id TEXT NOT NULL,
      PRIMARY KEY (question_id, registration_id)
    ) WITHOUT ROWID;
    CREATE INDEX qa_votes_person ON qa_votes (registration_id)`,
  },
];

export type QuestionRow = {
  id: string;
  registration_id: string;
  author_name: string | null;
  text: string;
  status: QaStatus;
  votes: number;
  at: number;
  answered_at: number | null;
};

export const toQuestion = (r: QuestionRow): QaQuestion => ({
  id: r.id,
  text: r.text,
  authorName: r.author_name,
  at: r.at,
  status: r.status,
  votes: r.votes,
});

export function insertQuestion(sql: SqlStorage, q: QaQuestion, registrationId: string): void {
  sql.exec(
    "INSERT INTO qa_questions (id, registration_id, author_name, text, status, at) VALUES (?, ?, ?, ?, ?, ?)",
    q.id,
    registrationId,
    q.authorName,
    q.text,
    q.status,
    q.at,
  );
}

export function getQuestion(sql: SqlStorage, id: string): QuestionRow | undefined {
  return sql.exec<QuestionRow>("SELECT * FROM qa_questions WHERE id = ?", id).toArray()[0];
}

export function setStatus(sql: SqlStorage, id: string, status: QaStatus, now: number): QuestionRow {
  return sql
    .exec<QuestionRow>(
      "UPDATE qa_questions SET status = ?, answered_at = CASE WHEN ? = 'answered' THEN ? ELSE answered_at END WHERE id = ? RETURNING *",
      status,
      status,
      now,
      id,
    )
    .one();
}

export function askedCount(sql: SqlStorage, registrationId: string): number {
  return sql
    .exec<{ n: number }>("SELECT COUNT(*) AS n FROM qa_questions WHERE registration_id = ?", registrationId)
    .one().n;
}

export function hasUpvote(sql: SqlStorage, questionId: string, registrationId: string): boolean {
  return (
    sql
      .exec("SELECT 1 FROM qa_votes WHERE question_id = ? AND registration_id = ?", questionId, registrationId)
      .toArray().length > 0
  );
}

/** Adds or removes one person's upvote, keeping the question's count in step in the same transaction. */
export function changeUpvote(sql: SqlStorage, questionId: string, registrationId: string, up: boolean): void {
  if (up) sql.exec("INSERT INTO qa_votes (question_id, registration_id) VALUES (?, ?)", questionId, registrationId);
  else sql.exec("DELETE FROM qa_votes WHERE question_id = ? AND registration_id = ?", questionId, registrationId);
  sql.exec("UPDATE qa_questions SET votes = votes + ? WHERE id = ?", up ? 1 : -1, questionId);
}

/** Staff see every question; participants the public ones. Oldest first. */
export function questionsFor(sql: SqlStorage, staff: boolean): QaQuestion[] {
  const where = staff ? "" : "WHERE status IN ('open', 'answered')";
  return sql.exec<QuestionRow>(`SELECT * FROM qa_questions ${where} ORDER BY at, id`).toArray().map(toQuestion);
}

export function votesOf(sql: SqlStorage, ids: readonly string[]): Record<string, number> {
  const votes: Record<string, number> = {};
  for (const id of ids) {
    const row = sql.exec<{ votes: number }>("SELECT votes FROM qa_questions WHERE id = ?", id).toArray()[0];
    if (row) votes[id] = row.votes;
  }
  return votes;
}

export function upvotedBy(sql: SqlStorage, registrationId: string): string[] {
  return sql
    .exec<{ question_id: string }>("SELECT question_id FROM qa_votes WHERE registration_id = ?", registrationId)
    .toArray()
    .map((r) => r.question_id);
}

export function askedBy(sql: SqlStorage, registrationId: string): QaQuestion[] {
  return sql
    .exec<QuestionRow>("SELECT * FROM qa_questions WHERE registration_id = ? ORDER BY at", registrationId)
    .toArray()
    .map(toQuestion);
}
