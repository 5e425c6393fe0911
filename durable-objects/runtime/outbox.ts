import type { NamedAlarms } from "./alarms";
import type { Migration } from "./migrations";

/** Writes wait this long so a burst (a crowd joining, a storm of upvotes) leaves as one batch. */
export const OUTBOX_DELAY_MS = 2_000;
export const OUTBOX_RETRY_MS = 30_000;
/**
 * Rows per D1 round trip, and the pause before the next one when more are waiting: reports are
 * not urgent, and a crowd's thousands of visits should not crowd out its votes.
 */
const BATCH = 200;
const NEXT_BATCH_MS = 1_000;

export const outboxMigrations: readonly Migration[] = [
  {
    id: "sync/0005_outbox",
    sql: `CREATE TABLE outbox (
      key TEXT PRIMARY KEY,
      payload TEXT NOT NULL,
      version INTEGER NOT NULL DEFAULT 1
    )`,
  },
];

/**
 * Rows on their way to D1 (attendance, final results, questions), kept in the object's own
 * SQLite until D1 confirms them, so a failed or interrupted write is retried, never lost. Each key
 * holds only its latest payload: ten changes to a question before the flush are one D1 write.
 */
export class Outbox<Item> {
  constructor(
    private readonly sql: SqlStorage,
    private readonly alarms: NamedAlarms,
    /** The named alarm that flushes this outbox. */
    private readonly alarm: string,
  ) {}

  put(key: string, item: Item, now: number): void {
    this.sql.exec(
      "INSERT INTO outbox (key, payload) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET payload = excluded.payload, version = version + 1",
      key,
      JSON.stringify(item),
    );
    this.alarms.schedule(this.alarm, now + OUTBOX_DELAY_MS, { keepEarlier: true });
  }

  pending(): number {
    return this.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM outbox").one().n;
  }

  /**
   * Writes one batch with `write` and removes what it wrote, unless it changed meanwhile (D1 is
   * awaited, and other frames run during the wait). Schedules the next round: soon when more is
   * waiting, later when the write failed.
   */
  async flush(write: (items: Item[]) => Promise<void>, now: () => number): Promise<void> {
    const rows = this.sql
      .exec<{ key: string; payload: string; version: number }>(
        "SELECT key, payload, version FROM outbox ORDER BY rowid LIMIT ?",
        BATCH,
      )
      .toArray();
    if (rows.length === 0) return;
    try {
      await write(rows.map((r) => JSON.parse(r.payload) as Item));
    } catch (err) {
      console.error("writing reports to D1 failed; retrying", err);
      this.alarms.schedule(this.alarm, now() + OUTBOX_RETRY_MS, { keepEarlier: true });
      return;
    }
    for (const r of rows) this.sql.exec("DELETE FROM outbox WHERE key = ? AND version = ?", r.key, r.version);
    if (this.pending() > 0) this.alarms.schedule(this.alarm, now() + NEXT_BATCH_MS, { keepEarlier: true });
  }
}
