import type { RoomContext } from "./context";
import type { Migration } from "./migrations";

/**
 * The object has one alarm; features share it by name (`quiz-deadline`, `carousel`, `media`, …),
 * each declaring in its definition what runs when its name is due (see feature.ts). A name is
 * stored with its time, so it is part of the stored format: never rename one.
 */
export type AlarmStep = (room: RoomContext) => void | Promise<void>;

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
  schedule(name: string, at: number, { keepEarlier = false } = {}): void {
    const sql = this.storage.sql;
    if (keepEarlier) {
      const existing = sql.exec<{ at: number }>("SELECT at FROM alarms WHERE name = ?", name).toArray()[0];
      if (existing && existing.at <= at) return;
    }
    sql.exec("INSERT INTO alarms (name, at) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET at = excluded.at", name, at);
    this.arm();
  }

  cancel(name: string): void {
    this.storage.sql.exec("DELETE FROM alarms WHERE name = ?", name);
    this.arm();
  }

  at(name: string): number | undefined {
    return this.storage.sql.exec<{ at: number }>("SELECT at FROM alarms WHERE name = ?", name).toArray()[0]?.at;
  }

  /** Removes and returns the names due at `now`. */
  takeDue(now: number): string[] {
    const due = this.storage.sql
      .exec<{ name: string }>("SELECT name FROM alarms WHERE at <= ? ORDER BY at", now)
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
