import type { CloudWord, WordcloudDefinition } from "../../../../core/protocol/wordcloud";
import { aggregateWords, isBlocked, type SpellingCount } from "./rules";
import { builtInBlocklist } from "./profanity";
import type { Migration } from "../../../runtime/migrations";
import { itemColumns, type ItemRow, translationsColumn, translationsOf } from "../items/store";
import { getOrAdd } from "../../../../core/collections";

export const wordcloudMigrations: readonly Migration[] = [
  {
    id: "wordcloud/0001_clouds",
    sql: `CREATE TABLE wordclouds (
      id TEXT PRIMARY KEY,
      prompt TEXT NOT NULL,
      per_person INTEGER NOT NULL,
      ${itemColumns}
    );
    CREATE TABLE wordcloud_entries (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      cloud_id TEXT NOT NULL,
      registration_id TEXT NOT NULL,
      original TEXT NOT NULL,
      norm TEXT NOT NULL,
      at INTEGER NOT NULL,
      hidden INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX wordcloud_entries_cloud ON wordcloud_entries (cloud_id, norm);
    CREATE INDEX wordcloud_entries_person ON wordcloud_entries (registration_id, cloud_id);
    CREATE TABLE wordcloud_blocklist (word TEXT PRIMARY KEY, at INTEGER NOT NULL)`,
  },
  {
    // Organizer-written texts in the event's other languages (JSON, null without any).
    id: "wordcloud/0002_translations",
    sql: "ALTER TABLE wordclouds ADD COLUMN translations TEXT",
  },
];

export type CloudRow = ItemRow & { prompt: string; per_person: number; translations: string | null };

export const cloudDefinition = (r: CloudRow): WordcloudDefinition => ({
  prompt: r.prompt,
  perPerson: r.per_person,
  ...translationsOf<WordcloudDefinition>(r.translations),
});

export function insertCloud(
  sql: SqlStorage,
  id: string,
  def: WordcloudDefinition,
  now: number,
  preparedId: string | null = null,
): void {
  sql.exec(
    "INSERT INTO wordclouds (id, prompt, per_person, translations, created_at, prepared_id) VALUES (?, ?, ?, ?, ?, ?)",
    id,
    def.prompt,
    def.perPerson,
    translationsColumn(def.translations),
    now,
    preparedId,
  );
}

/** Normalised forms of what this person entered (filtered entries included: they still count against the allowance). */
export function entriesOf(sql: SqlStorage, cloudId: string, registrationId: string): string[] {
  return sql
    .exec<{ norm: string }>(
      "SELECT norm FROM wordcloud_entries WHERE cloud_id = ? AND registration_id = ?",
      cloudId,
      registrationId,
    )
    .toArray()
    .map((r) => r.norm);
}

export function insertEntry(
  sql: SqlStorage,
  e: { cloudId: string; registrationId: string; text: string; norm: string },
  now: number,
): void {
  sql.exec(
    "INSERT INTO wordcloud_entries (cloud_id, registration_id, original, norm, at) VALUES (?, ?, ?, ?, ?)",
    e.cloudId,
    e.registrationId,
    e.text,
    e.norm,
    now,
  );
}

export function cloudWords(
  sql: SqlStorage,
  cloudId: string,
  limit?: number,
): { words: CloudWord[]; entries: number; contributors: number } {
  const spellings = sql
    .exec<SpellingCount>(
      `SELECT norm, original AS text, COUNT(*) AS count, MIN(id) AS first FROM wordcloud_entries
       WHERE cloud_id = ? AND hidden = 0 GROUP BY norm, original`,
      cloudId,
    )
    .toArray();
  const totals = sql
    .exec<{ entries: number; contributors: number }>(
      "SELECT COUNT(*) AS entries, COUNT(DISTINCT registration_id) AS contributors FROM wordcloud_entries WHERE cloud_id = ? AND hidden = 0",
      cloudId,
    )
    .one();
  return { words: aggregateWords(spellings, limit), ...totals };
}

export function blockedWords(sql: SqlStorage): string[] {
  return sql
    .exec<{ word: string }>("SELECT word FROM wordcloud_blocklist ORDER BY word")
    .toArray()
    .map((r) => r.word);
}

/**
 * Adds or removes a word on the session's filter and hides or shows the entries it matches (an
 * entry comes back only when no other list still blocks it). Returns the clouds that changed.
 */
export function setBlocked(sql: SqlStorage, word: string, blocked: boolean, now: number): string[] {
  if (blocked) sql.exec("INSERT OR IGNORE INTO wordcloud_blocklist (word, at) VALUES (?, ?)", word, now);
  else sql.exec("DELETE FROM wordcloud_blocklist WHERE word = ?", word);
  const target = new Set([word]);
  const others = new Set(blockedWords(sql));
  const changed = new Set<string>();
  const rows = sql
    .exec<{ id: number; cloud_id: string; norm: string }>(
      "SELECT id, cloud_id, norm FROM wordcloud_entries WHERE hidden = ?",
      blocked ? 0 : 1,
    )
    .toArray();
  for (const row of rows) {
    if (!isBlocked(row.norm, target)) continue;
    if (!blocked && isBlocked(row.norm, builtInBlocklist, others)) continue;
    sql.exec("UPDATE wordcloud_entries SET hidden = ? WHERE id = ?", blocked ? 1 : 0, row.id);
    changed.add(row.cloud_id);
  }
  return [...changed];
}

export function wordsBy(sql: SqlStorage, registrationId: string): Record<string, string[]> {
  const byCloud = new Map<string, string[]>();
  for (const r of sql.exec<{ cloud_id: string; original: string }>(
    "SELECT cloud_id, original FROM wordcloud_entries WHERE registration_id = ? ORDER BY id",
    registrationId,
  )) {
    getOrAdd(byCloud, r.cloud_id, () => []).push(r.original);
  }
  return Object.fromEntries(byCloud);
}
