import type { HandEntry, HandStatus, HandTechCheck } from "../../../../core/protocol/hand";
import type { Migration } from "../../../runtime/migrations";

/**
 * The stage door's named alarm: resends the stream room's guest list that did not get through,
 * and turns the matrix's pages (a stored name).
 */
export const STAGEDOOR_ALARM = "stagedoor";

/**
 * The raise-hand queue lives in the object's storage: an eviction, a deploy or a crash keeps
 * every hand and its place. A hand that is lowered, dismissed or ended is deleted (its history is
 * not needed; the events said what happened).
 */
export const handMigrations: readonly Migration[] = [
  {
    id: "hand/0001_queue",
    sql: `CREATE TABLE hand_queue (
      registration_id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      topic TEXT NOT NULL,
      raised_at INTEGER NOT NULL,
      status TEXT NOT NULL,
      tech_check TEXT,
      tech_checked INTEGER NOT NULL DEFAULT 0,
      approved_at INTEGER
    ) WITHOUT ROWID;
    CREATE TABLE stagedoor_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
  },
];

type HandRow = {
  registration_id: string;
  name: string;
  topic: string;
  raised_at: number;
  status: HandStatus;
  tech_check: Exclude<HandTechCheck, null> | null;
  tech_checked: number;
  approved_at: number | null;
};

const toEntry = (r: HandRow): HandEntry => ({
  registrationId: r.registration_id,
  name: r.name,
  topic: r.topic,
  raisedAt: r.raised_at,
  status: r.status,
  ...(r.tech_checked ? { techCheck: r.tech_check } : {}),
  approvedAt: r.approved_at,
});

export function allHands(sql: SqlStorage): HandEntry[] {
  return sql.exec<HandRow>("SELECT * FROM hand_queue ORDER BY raised_at, registration_id").toArray().map(toEntry);
}

export function getHand(sql: SqlStorage, registrationId: string): HandEntry | undefined {
  const row = sql.exec<HandRow>("SELECT * FROM hand_queue WHERE registration_id = ?", registrationId).toArray()[0];
  return row ? toEntry(row) : undefined;
}

export function insertHand(
  sql: SqlStorage,
  hand: { registrationId: string; name: string; topic: string; raisedAt: number },
): void {
  sql.exec(
    "INSERT INTO hand_queue (registration_id, name, topic, raised_at, status) VALUES (?, ?, ?, ?, 'waiting')",
    hand.registrationId,
    hand.name,
    hand.topic,
    hand.raisedAt,
  );
}

export function setTopic(sql: SqlStorage, registrationId: string, topic: string): void {
  sql.exec("UPDATE hand_queue SET topic = ? WHERE registration_id = ?", topic, registrationId);
}

export function setLive(sql: SqlStorage, registrationId: string, at: number): void {
  sql.exec("UPDATE hand_queue SET status = 'live', approved_at = ? WHERE registration_id = ?", at, registrationId);
}

export function setTechCheck(sql: SqlStorage, registrationId: string, verdict: HandTechCheck): boolean {
  return (
    sql
      .exec(
        "UPDATE hand_queue SET tech_check = ?, tech_checked = 1 WHERE registration_id = ? RETURNING 1",
        verdict,
        registrationId,
      )
      .toArray().length > 0
  );
}

export function deleteHand(sql: SqlStorage, registrationId: string): void {
  sql.exec("DELETE FROM hand_queue WHERE registration_id = ?", registrationId);
}

export function waitingCount(sql: SqlStorage): number {
  return sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM hand_queue WHERE status = 'waiting'").one().n;
}

export function readMeta(sql: SqlStorage, key: string): string | undefined {
  return sql.exec<{ value: string }>("SELECT value FROM stagedoor_meta WHERE key = ?", key).toArray()[0]?.value;
}

export function writeMeta(sql: SqlStorage, key: string, value: string | undefined): void {
  if (value === undefined) sql.exec("DELETE FROM stagedoor_meta WHERE key = ?", key);
  else
    sql.exec(
      "INSERT INTO stagedoor_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      key,
      value,
    );
}
