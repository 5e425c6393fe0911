import type { Migration } from "./migrations";

/** The object has one alarm; these named ones share it (the earliest due one sets it). */
export const AlarmName = {
  /** Locks the running quiz question at its deadline. */
  quizDeadline: "quiz-deadline",
  /** Writes attendance and final results to D1. */
  outbox: "outbox",
  /** Prunes old mutation ids. */
  maintenance: "maintenance",
  /** Media: polls the stage's IVS stream state and ends Chime meetings of calls left empty. */
  media: "media",
  /** Stage door: resends the stream room's guest list that did not get through; turns the matrix's pages. */
  stagedoor: "stagedoor",
  /** Hub: expires unanswered 1:1 invitations and ends 1:1s whose call stayed empty. */
  invites: "invites",
  /** Carousel: the shared clock (round and break ends), extended groups' ends, and dropped people's grace. */
  carousel: "carousel",
} as const;
export type AlarmName = (typeof AlarmName)[keyof typeof AlarmName];

export const alarmMigrations: readonly Migration[] = [
  { id: "sync/0003_alarms", sql: "CREATE TABLE alarms (name TEXT PRIMARY KEY, at INTEGER NOT NULL)" },
];

/**
 * Named alarms multiplexed onto the object's single alarm, kept in SQLite so they survive
 * eviction. Each run takes every due name; the object's alarm is then set to the next one.
 */
export class NamedAlarms {
  /** What the storage alarm was last set to by this instance (undefined after a wake: unknown). */
  private armed: number | null | undefined;

  constructor(private readonly storage: DurableObjectStorage) {}

  /** Schedules `name` at `at`; with `keepEarlier`, an already earlier schedule stands. */
  schedule(name: AlarmName, at: number, { keepEarlier = false } = {}): void {
    const sql = this.storage.sql;
    if (keepEarlier) {
      const existing = sql.exec<{ at: number }>("SELECT at FROM alarms WHERE name = ?", name).toArray()[0];
      if (existing && existing.at <= at) return;
    }
    sql.exec("INSERT INTO alarms (name, at) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET at = excluded.at", name, at);
    this.arm();
  }

  cancel(name: AlarmName): void {
    this.storage.sql.exec("DELETE FROM alarms WHERE name = ?", name);
    this.arm();
  }

  at(name: AlarmName): number | undefined {
    return this.storage.sql.exec<{ at: number }>("SELECT at FROM alarms WHERE name = ?", name).toArray()[0]?.at;
  }

  /** Removes and returns the names due at `now`. */
  takeDue(now: number): AlarmName[] {
    const due = this.storage.sql
      .exec<{ name: AlarmName }>("SELECT name FROM alarms WHERE at <= ? ORDER BY at", now)
      .toArray()
      .map((row) => row.name);
    for (const name of due) this.storage.sql.exec("DELETE FROM alarms WHERE name = ?", name);
    return due;
  }

  /** Sets the storage alarm to the earliest named one (or clears it). Storage calls are ordered, so no await is needed. */
  arm(): void {
    const next = this.storage.sql.exec<{ at: number | null }>("SELECT MIN(at) AS at FROM alarms").one().at;
    if (next === this.armed) return;
    this.armed = next;
    if (next === null) void this.storage.deleteAlarm();
    else void this.storage.setAlarm(next);
  }

  /** After the storage alarm fired it is no longer set, whatever this instance remembers. */
  fired(): void {
    this.armed = null;
  }
}
