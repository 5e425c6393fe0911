import type { Migration } from "./migrations";
import { getOrAdd } from "../../core/collections";

/** Aggregated updates (tallies, counts, presence) leave at most this often (four a second). */
export const TICK_MS = 250;
/**
 * In a big room each update is thousands of sends, so the interval grows with the sockets
 * (a quarter of a millisecond per socket) up to one second: the send rate stays flat while
 * tallies still move smoothly (clients animate between updates).
 */
export const MAX_TICK_MS = 1_000;
export const tickInterval = (sockets: number): number => Math.min(MAX_TICK_MS, Math.max(TICK_MS, sockets / 4));

export const tickerMigrations: readonly Migration[] = [
  {
    id: "sync/0004_dirty",
    sql: "CREATE TABLE dirty (feature TEXT NOT NULL, key TEXT NOT NULL, PRIMARY KEY (feature, key)) WITHOUT ROWID",
  },
];

export type TickFlush = (keys: string[]) => void;

/**
 * Throttles aggregated broadcasts: a vote marks its poll dirty, and at most every TICK_MS each
 * feature publishes one update per dirty key, however many votes arrived in between. Durable
 * marks are also written to SQLite, so a restart between a vote and its tally still sends the
 * tally (`recover`).
 */
export class Ticker {
  private readonly flushers = new Map<string, TickFlush>();
  private readonly dirty = new Map<string, Set<string>>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastRun = 0;

  constructor(
    private readonly sql: SqlStorage,
    private readonly sockets: () => number,
  ) {}

  register(feature: string, flush: TickFlush): void {
    this.flushers.set(feature, flush);
  }

  mark(feature: string, key: string, { durable = true } = {}): void {
    const keys = getOrAdd(this.dirty, feature, () => new Set<string>());
    if (!keys.has(key)) {
      keys.add(key);
      if (durable) this.sql.exec("INSERT OR IGNORE INTO dirty (feature, key) VALUES (?, ?)", feature, key);
    }
    this.timer ??= setTimeout(() => this.run(), Math.max(0, this.lastRun + tickInterval(this.sockets()) - Date.now()));
  }

  /** Reloads durable marks left by an instance that stopped before its tick. */
  recover(): void {
    for (const row of this.sql.exec<{ feature: string; key: string }>("SELECT feature, key FROM dirty").toArray()) {
      this.mark(row.feature, row.key, { durable: false });
    }
  }

  run(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.lastRun = Date.now();
    const dirty = [...this.dirty];
    this.dirty.clear();
    this.sql.exec("DELETE FROM dirty");
    for (const [feature, keys] of dirty) {
      try {
        this.flushers.get(feature)?.([...keys]);
      } catch (err) {
        // One feature's bug must not starve the others' updates.
        console.error(`tick ${feature} failed`, err);
      }
    }
  }
}
