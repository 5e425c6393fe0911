import type { CarouselConfig, CarouselWaitReason } from "../../../../core/protocol/carousel";
import type { PersonCard } from "../../../../core/protocol/networking";
import { DEFAULT_CONFIG, IDLE_CLOCK, type CarouselClock } from "./rules";
import type { AttributeValue } from "./pairing";
import type { Migration } from "../../../runtime/migrations";
import { getOrAdd } from "../../../../core/collections";

/**
 * Everything the carousel knows, in the session object's SQLite: an eviction or a restart in the
 * middle of a round loses nothing, and the alarm picks the clock up where it was.
 * `carousel_people.group_id` is a person's current group (null: waiting); `carousel_members`
 * keeps who was in each group; `carousel_met` holds both directions of every meeting.
 */
export const carouselMigrations: readonly Migration[] = [
  {
    id: "carousel/0001_carousel",
    sql: `CREATE TABLE carousel_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE carousel_people (
      registration_id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      org TEXT,
      attributes TEXT NOT NULL,
      active INTEGER NOT NULL,
      group_id TEXT,
      reason TEXT,
      away_since INTEGER,
      joined_at INTEGER NOT NULL
    );
    CREATE INDEX carousel_people_group ON carousel_people (group_id);
    CREATE TABLE carousel_groups (
      id TEXT PRIMARY KEY,
      round INTEGER NOT NULL,
      started_at INTEGER NOT NULL,
      ends_at INTEGER NOT NULL,
      extensions INTEGER NOT NULL DEFAULT 0,
      ended_at INTEGER
    );
    CREATE INDEX carousel_groups_open ON carousel_groups (ended_at, ends_at);
    CREATE TABLE carousel_members (
      group_id TEXT NOT NULL,
      registration_id TEXT NOT NULL,
      extend INTEGER NOT NULL DEFAULT 0,
      left_at INTEGER,
      PRIMARY KEY (group_id, registration_id)
    ) WITHOUT ROWID;
    CREATE TABLE carousel_met (a TEXT NOT NULL, b TEXT NOT NULL, round INTEGER NOT NULL, PRIMARY KEY (a, b)) WITHOUT ROWID;
    CREATE TABLE carousel_saves (owner_id TEXT NOT NULL, contact_id TEXT NOT NULL, at INTEGER NOT NULL, PRIMARY KEY (owner_id, contact_id)) WITHOUT ROWID`,
  },
];

export type PersonRow = {
  registration_id: string;
  name: string;
  org: string | null;
  attributes: string;
  active: number;
  group_id: string | null;
  reason: CarouselWaitReason | null;
  away_since: number | null;
  joined_at: number;
};

export type GroupRow = {
  id: string;
  round: number;
  started_at: number;
  ends_at: number;
  extensions: number;
  ended_at: number | null;
};

export const cardOfPerson = (p: Pick<PersonRow, "registration_id" | "name" | "org">): PersonCard => ({
  registrationId: p.registration_id,
  name: p.name,
  organisation: p.org,
});

function meta<T>(sql: SqlStorage, key: string, fallback: T): T {
  const raw = sql.exec<{ value: string }>("SELECT value FROM carousel_meta WHERE key = ?", key).toArray()[0]?.value;
  return raw === undefined ? fallback : (JSON.parse(raw) as T);
}

const setMeta = (sql: SqlStorage, key: string, value: unknown) =>
  void sql.exec(
    "INSERT INTO carousel_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    key,
    JSON.stringify(value),
  );

export const readConfig = (sql: SqlStorage): CarouselConfig => meta(sql, "config", DEFAULT_CONFIG);
export const writeConfig = (sql: SqlStorage, config: CarouselConfig) => setMeta(sql, "config", config);
export const readClock = (sql: SqlStorage): CarouselClock => meta(sql, "clock", IDLE_CLOCK);
export const writeClock = (sql: SqlStorage, clock: CarouselClock) => setMeta(sql, "clock", clock);

// ── People ──────────────────────────────────────────────────────────────────────────────────

export const personById = (sql: SqlStorage, id: string): PersonRow | undefined =>
  sql.exec<PersonRow>("SELECT * FROM carousel_people WHERE registration_id = ?", id).toArray()[0];

export function upsertJoined(
  sql: SqlStorage,
  p: { registrationId: string; name: string; organisation: string | null; attributes: Record<string, AttributeValue> },
  reason: CarouselWaitReason,
  now: number,
): void {
  sql.exec(
    `INSERT INTO carousel_people (registration_id, name, org, attributes, active, group_id, reason, away_since, joined_at)
     VALUES (?, ?, ?, ?, 1, NULL, ?, NULL, ?)
     ON CONFLICT (registration_id) DO UPDATE SET name = excluded.name, org = excluded.org, attributes = excluded.attributes,
       active = 1, reason = CASE WHEN group_id IS NULL THEN excluded.reason ELSE reason END, away_since = NULL`,
    p.registrationId,
    p.name,
    p.organisation,
    JSON.stringify(p.attributes),
    reason,
    now,
  );
}

export const setInactive = (sql: SqlStorage, id: string) =>
  void sql.exec(
    "UPDATE carousel_people SET active = 0, group_id = NULL, reason = NULL, away_since = NULL WHERE registration_id = ?",
    id,
  );

export const setAway = (sql: SqlStorage, id: string, since: number | null) =>
  void sql.exec("UPDATE carousel_people SET away_since = ? WHERE registration_id = ?", since, id);

export const setReason = (sql: SqlStorage, ids: readonly string[], reason: CarouselWaitReason) => {
  for (const id of ids)
    sql.exec("UPDATE carousel_people SET reason = ? WHERE registration_id = ? AND group_id IS NULL", reason, id);
};

/** Everyone waiting (opted in, in no group), reachable or not. */
export const waitingPeople = (sql: SqlStorage): PersonRow[] =>
  sql
    .exec<PersonRow>("SELECT * FROM carousel_people WHERE active = 1 AND group_id IS NULL ORDER BY joined_at")
    .toArray();

export const activeIds = (sql: SqlStorage): string[] =>
  sql
    .exec<{ registration_id: string }>("SELECT registration_id FROM carousel_people WHERE active = 1")
    .toArray()
    .map((r) => r.registration_id);

/** People of groups whose connection dropped, with when; the alarm frees their partners after the grace. */
export const awayInGroups = (sql: SqlStorage): { id: string; groupId: string; since: number }[] =>
  sql
    .exec<{ registration_id: string; group_id: string; away_since: number }>(
      "SELECT registration_id, group_id, away_since FROM carousel_people WHERE active = 1 AND group_id IS NOT NULL AND away_since IS NOT NULL",
    )
    .toArray()
    .map((r) => ({ id: r.registration_id, groupId: r.group_id, since: r.away_since }));

export function counts(sql: SqlStorage): { joined: number; paired: number; waiting: number; away: number } {
  const row = sql
    .exec<{ joined: number; paired: number; away: number }>(
      `SELECT COUNT(*) AS joined, COALESCE(SUM(group_id IS NOT NULL), 0) AS paired, COALESCE(SUM(away_since IS NOT NULL), 0) AS away
       FROM carousel_people WHERE active = 1`,
    )
    .one();
  return { joined: row.joined, paired: row.paired, waiting: row.joined - row.paired, away: row.away };
}

// ── Groups ──────────────────────────────────────────────────────────────────────────────────

export function insertGroup(
  sql: SqlStorage,
  id: string,
  round: number,
  members: readonly string[],
  now: number,
  endsAt: number,
): void {
  sql.exec("INSERT INTO carousel_groups (id, round, started_at, ends_at) VALUES (?, ?, ?, ?)", id, round, now, endsAt);
  for (const m of members) {
    sql.exec("INSERT INTO carousel_members (group_id, registration_id) VALUES (?, ?)", id, m);
    sql.exec("UPDATE carousel_people SET group_id = ?, reason = NULL WHERE registration_id = ?", id, m);
  }
  for (const a of members)
    for (const b of members)
      if (a !== b) sql.exec("INSERT OR IGNORE INTO carousel_met (a, b, round) VALUES (?, ?, ?)", a, b, round);
}

export const groupById = (sql: SqlStorage, id: string): GroupRow | undefined =>
  sql.exec<GroupRow>("SELECT * FROM carousel_groups WHERE id = ?", id).toArray()[0];

export const openGroups = (sql: SqlStorage): GroupRow[] =>
  sql.exec<GroupRow>("SELECT * FROM carousel_groups WHERE ended_at IS NULL").toArray();

export const dueGroups = (sql: SqlStorage, now: number): GroupRow[] =>
  sql.exec<GroupRow>("SELECT * FROM carousel_groups WHERE ended_at IS NULL AND ends_at <= ?", now).toArray();

export const nextGroupEnd = (sql: SqlStorage): number | null =>
  sql.exec<{ at: number | null }>("SELECT MIN(ends_at) AS at FROM carousel_groups WHERE ended_at IS NULL").one().at;

/** Current members (those who did not leave), with whether each wants to extend. */
export const membersOf = (sql: SqlStorage, groupId: string): { id: string; extend: boolean }[] =>
  sql
    .exec<{ registration_id: string; extend: number }>(
      "SELECT registration_id, extend FROM carousel_members WHERE group_id = ? AND left_at IS NULL",
      groupId,
    )
    .toArray()
    .map((r) => ({ id: r.registration_id, extend: r.extend === 1 }));

/** Everyone who was ever in a group, those who left included (a meeting they had, for the reports). */
export const everyMemberOf = (sql: SqlStorage, groupId: string): string[] =>
  sql
    .exec<{ registration_id: string }>(
      "SELECT registration_id FROM carousel_members WHERE group_id = ? ORDER BY registration_id",
      groupId,
    )
    .toArray()
    .map((r) => r.registration_id);

/** Members of every open group, for building many people's views at once. */
export const openMembers = (sql: SqlStorage): { group_id: string; registration_id: string; extend: number }[] =>
  sql
    .exec<{ group_id: string; registration_id: string; extend: number }>(
      "SELECT m.group_id, m.registration_id, m.extend FROM carousel_members m JOIN carousel_groups g ON g.id = m.group_id WHERE g.ended_at IS NULL AND m.left_at IS NULL",
    )
    .toArray();

export const markLeft = (sql: SqlStorage, groupId: string, id: string, now: number) => {
  sql.exec("UPDATE carousel_members SET left_at = ? WHERE group_id = ? AND registration_id = ?", now, groupId, id);
  sql.exec("UPDATE carousel_people SET group_id = NULL WHERE registration_id = ? AND group_id = ?", id, groupId);
};

export function closeGroup(sql: SqlStorage, groupId: string, now: number, reason: CarouselWaitReason): void {
  sql.exec("UPDATE carousel_groups SET ended_at = ? WHERE id = ?", now, groupId);
  sql.exec("UPDATE carousel_people SET group_id = NULL, reason = ? WHERE group_id = ?", reason, groupId);
}

export function saveExtend(
  sql: SqlStorage,
  groupId: string,
  votes: ReadonlySet<string>,
  endsAt: number,
  extensions: number,
): void {
  sql.exec("UPDATE carousel_members SET extend = 0 WHERE group_id = ?", groupId);
  for (const id of votes)
    sql.exec("UPDATE carousel_members SET extend = 1 WHERE group_id = ? AND registration_id = ?", groupId, id);
  sql.exec("UPDATE carousel_groups SET ends_at = ?, extensions = ? WHERE id = ?", endsAt, extensions, groupId);
}

// ── Meetings and contacts ───────────────────────────────────────────────────────────────────

/** Who has met whom among the given people (a round's pool), both directions. */
export function metAmong(sql: SqlStorage, ids: readonly string[]): Map<string, Set<string>> {
  const pool = new Set(ids);
  const met = new Map<string, Set<string>>();
  // A round's start pairs thousands: one scan of the table beats thousands of lookups. Mid-round
  // only a few are free, and each is looked up by the primary key.
  const rows =
    ids.length > 100
      ? sql.exec<{ a: string; b: string }>("SELECT a, b FROM carousel_met")
      : ids.flatMap((id) =>
          sql.exec<{ a: string; b: string }>("SELECT a, b FROM carousel_met WHERE a = ?", id).toArray(),
        );
  for (const row of rows) {
    if (!pool.has(row.a) || !pool.has(row.b)) continue;
    getOrAdd(met, row.a, () => new Set<string>()).add(row.b);
  }
  return met;
}

export const haveMet = (sql: SqlStorage, a: string, b: string): boolean =>
  sql.exec("SELECT 1 FROM carousel_met WHERE a = ? AND b = ?", a, b).toArray().length > 0;

export const saveContact = (sql: SqlStorage, owner: string, contact: string, now: number) =>
  void sql.exec(
    "INSERT OR IGNORE INTO carousel_saves (owner_id, contact_id, at) VALUES (?, ?, ?)",
    owner,
    contact,
    now,
  );

export const hasSaved = (sql: SqlStorage, owner: string, contact: string): boolean =>
  sql.exec("SELECT 1 FROM carousel_saves WHERE owner_id = ? AND contact_id = ?", owner, contact).toArray().length > 0;

/** Everyone a person met here, with the saves in both directions. */
export const contactsOf = (sql: SqlStorage, id: string) =>
  sql
    .exec<{ b: string; round: number; name: string; org: string | null; mine: number; theirs: number }>(
      `SELECT m.b, m.round, p.name, p.org,
         EXISTS (SELECT 1 FROM carousel_saves s WHERE s.owner_id = m.a AND s.contact_id = m.b) AS mine,
         EXISTS (SELECT 1 FROM carousel_saves s WHERE s.owner_id = m.b AND s.contact_id = m.a) AS theirs
       FROM carousel_met m JOIN carousel_people p ON p.registration_id = m.b
       WHERE m.a = ? ORDER BY m.round, p.name`,
      id,
    )
    .toArray();
