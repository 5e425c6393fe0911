import type { BenchClient } from "./client.ts";
import { pool, sleep } from "./stats.ts";

export interface CrowdStats {
  /** Connections that failed on the first try (retried with backoff, as the page does). */
  firstTryFailures: number;
  /** Failure reasons seen, with their counts. */
  reasons: Record<string, number>;
  /** Sockets that never connected after every retry. */
  gaveUp: number;
}

const ATTEMPTS = 5;

/** Sockets held open against one session, grown and shrunk between scenarios. */
export class Crowd {
  readonly clients: BenchClient[] = [];
  readonly stats: CrowdStats = { firstTryFailures: 0, reasons: {}, gaveUp: 0 };

  private readonly make: (i: number) => BenchClient;

  constructor(make: (i: number) => BenchClient) {
    this.make = make;
  }

  /** Connects sockets until `n` are open; returns how long that took (ms). */
  async grow(n: number, concurrency = 48): Promise<number> {
    const started = performance.now();
    const fresh = Array.from({ length: Math.max(0, n - this.clients.length) }, (_, k) =>
      this.make(this.clients.length + k),
    );
    const ok = await pool(fresh, concurrency, (c) => this.connect(c));
    fresh.forEach((c, i) => {
      if (ok[i]) this.clients.push(c);
    });
    return Math.round(performance.now() - started);
  }

  shrink(n: number): void {
    for (const c of this.clients.splice(n)) c.close();
  }

  private async connect(c: BenchClient): Promise<boolean> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      try {
        await c.connect();
        return true;
      } catch (err) {
        if (attempt === 0) this.stats.firstTryFailures++;
        const reason = err instanceof Error ? err.message.slice(0, 60) : String(err);
        this.stats.reasons[reason] = (this.stats.reasons[reason] ?? 0) + 1;
        await sleep(250 * 2 ** attempt * (0.5 + Math.random() / 2));
      }
    }
    this.stats.gaveUp++;
    return false;
  }
}
