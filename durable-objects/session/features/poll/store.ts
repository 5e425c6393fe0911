import type { PollDefinition, PollKind, PollResultMode } from "../../../../core/protocol/poll";
import type { Migration } from "../../../runtime/migrations";
import { itemColumns, type ItemRow, translationsColumn, translationsOf } from "../items/store";

export const pollMigrations: readonly Migration[] = [
  {
    id: "poll/0001_polls",
    sql: `CREATE TABLE polls (
      id TEXT PRIMARY KEY,
      question TEXT NOT NULL,
      kind TEXT NOT NULL,
      options TEXT NOT NULL,
      results TEXT NOT NULL,
      ${itemColumns}
    );
    CREATE TABLE poll_votes (
      poll_id TEXT NOT NULL,
      registration_id TEXT NOT NULL,
      choices TEXT NOT NULL,
      at INTEGER NOT NULL,
      PRIMARY KEY (poll_id, registration_id)
    ) WITHOUT ROWID;
    CREATE INDEX poll_votes_person ON poll_votes (registration_id)`,
  },
  {
    // Organizer-written texts in the event's other languages (JSON, null without any).
    id: "poll/0002_translations",
    sql: "ALTER TABLE polls ADD COLUMN translations TEXT",
  },
];

export type PollRow = ItemRow & {
  question: string;
  kind: PollKind;
  options: string;
  results: PollResultMode;
  translations: string | null;
};

export const pollDefinition = (r: PollRow): PollDefinition => ({
  question: r.question,
  kind: r.kind,
  options: JSON.parse(r.options) as string[],
  results: r.results,
  ...translationsOf<PollDefinition>(r.translations),
});

export function insertPoll(
  sql: SqlStorage,
  id: string,
  def: PollDefinition,
  now: number,
  preparedId: string | null = null,
): void {
  sql.exec(
    "INSERT INTO polls (id, question, kind, options, results, translations, created_at, prepared_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    id,
    def.question,
    def.kind,
    JSON.stringify(def.options),
    def.results,
    translationsColumn(def.translations),
    now,
    preparedId,
  );
}

/** One vote per person and poll: a new vote replaces the earlier one. */
export const hasVoted = (sql: SqlStorage, pollId: string, registrationId: string): boolean =>
  sql.exec("SELECT 1 FROM poll_votes WHERE poll_id = ? AND registration_id = ?", pollId, registrationId).toArray()
    .length > 0;

export function recordVote(
  sql: SqlStorage,
  pollId: string,
  registrationId: string,
  choices: readonly number[],
  now: number,
): void {
  sql.exec(
    `INSERT INTO poll_votes (poll_id, registration_id, choices, at) VALUES (?, ?, ?, ?)
     ON CONFLICT (poll_id, registration_id) DO UPDATE SET choices = excluded.choices, at = excluded.at`,
    pollId,
    registrationId,
    JSON.stringify(choices),
    now,
  );
}

/** Counts per option, straight from the votes (so a tally can never drift from them). */
export function tally(sql: SqlStorage, pollId: string, optionCount: number): { counts: number[]; voters: number } {
  const counts = Array.from({ length: optionCount }, () => 0);
  const rows = sql.exec<{ choice: number; n: number }>(
    "SELECT j.value AS choice, COUNT(*) AS n FROM poll_votes, json_each(poll_votes.choices) AS j WHERE poll_id = ? GROUP BY j.value",
    pollId,
  );
  for (const row of rows) if (row.choice < optionCount) counts[row.choice] = row.n;
  const voters = sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM poll_votes WHERE poll_id = ?", pollId).one().n;
  return { counts, voters };
}

export function votesBy(sql: SqlStorage, registrationId: string): Record<string, number[]> {
  return Object.fromEntries(
    sql
      .exec<{ poll_id: string; choices: string }>(
        "SELECT poll_id, choices FROM poll_votes WHERE registration_id = ?",
        registrationId,
      )
      .toArray()
      .map((r) => [r.poll_id, JSON.parse(r.choices) as number[]]),
  );
}
