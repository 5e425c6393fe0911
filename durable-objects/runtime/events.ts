import { isStaff, type Role } from "../../core/protocol/identity";
import type { SessionEvent } from "../../core/protocol/sync";
import type { Migration } from "./migrations";

/** Who receives an event. Stored with it, so a replay gives each person what they were entitled to. */
export type Audience = "all" | "staff" | "participants";

export const audiencesOf = (role: Role): readonly Audience[] =>
  isStaff(role) ? ["all", "staff"] : ["all", "participants"];

/** An event before the log numbered it (distributive, so each member of the union keeps its fields). */
export type Unsequenced<E extends SessionEvent = SessionEvent> = E extends SessionEvent ? Omit<E, "seq"> : never;

/** Events kept for replay; a client further behind than this gets a snapshot instead. */
export const LOG_KEEP = 2_000;
/** Replays longer than this are slower than a snapshot; send the snapshot. */
export const MAX_REPLAY = 500;

export const eventLogMigrations: readonly Migration[] = [
  {
    id: "sync/0001_event_log",
    sql: `CREATE TABLE event_log (
      seq INTEGER PRIMARY KEY,
      audience TEXT NOT NULL,
      frame TEXT NOT NULL,
      at INTEGER NOT NULL
    )`,
  },
];

export interface LoggedEvent {
  audience: Audience;
  event: SessionEvent;
  /** The event as JSON, serialised once for every socket and the log. */
  json: string;
}

/**
 * The session's sequence of events in SQLite. Numbers only grow (the newest row is never pruned),
 * so a number a client remembers stays meaningful across evictions and restarts.
 */
export class EventLog {
  private current: number | undefined;

  constructor(private readonly sql: SqlStorage) {}

  seq(): number {
    this.current ??= this.sql.exec<{ seq: number | null }>("SELECT MAX(seq) AS seq FROM event_log").one().seq ?? 0;
    return this.current;
  }

  append(audience: Audience, unsequenced: Unsequenced, now: number): LoggedEvent {
    const seq = this.seq() + 1;
    const event = { ...unsequenced, seq } as SessionEvent;
    const json = JSON.stringify(event);
    this.sql.exec("INSERT INTO event_log (seq, audience, frame, at) VALUES (?, ?, ?, ?)", seq, audience, json, now);
    this.current = seq;
    if (seq % 100 === 0) this.sql.exec("DELETE FROM event_log WHERE seq <= ?", seq - LOG_KEEP);
    return { audience, event, json };
  }

  /** Forgets the cached number, after a rolled-back transaction appended and undid events. */
  reset(): void {
    this.current = undefined;
  }

  /**
   * The events after `lastSeq` that a role may see, as JSON, or undefined when the gap cannot
   * be replayed (pruned, too long, or a number from the future: storage was reset).
   */
  since(lastSeq: number, role: Role): string[] | undefined {
    const seq = this.seq();
    if (lastSeq > seq || seq - lastSeq > MAX_REPLAY) return undefined;
    if (lastSeq === seq) return [];
    const oldest = this.sql.exec<{ seq: number | null }>("SELECT MIN(seq) AS seq FROM event_log").one().seq ?? seq + 1;
    if (lastSeq < oldest - 1) return undefined;
    const [a, b] = audiencesOf(role);
    return this.sql
      .exec<{ frame: string }>(
        "SELECT frame FROM event_log WHERE seq > ? AND audience IN (?, ?) ORDER BY seq",
        lastSeq,
        a!,
        b!,
      )
      .toArray()
      .map((row) => row.frame);
  }
}
