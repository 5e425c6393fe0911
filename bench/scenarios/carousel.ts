import type { BenchClient } from "../lib/client.ts";
import { Crowd } from "../lib/crowd.ts";
import { pool, sleep, summarize, type LatencySummary } from "../lib/stats.ts";

export interface CarouselRoundResult {
  people: number;
  joined: number;
  /** From the moderator's start to each person's pair arriving on their socket. */
  pairedAfter: LatencySummary;
  /** The moderator's start acknowledged (the round written: pairs, calls, meetings met). */
  startAckMs: number;
  paired: number;
  errors: number;
}

const TIMEOUT_MS = 60_000;

/**
 * A carousel round starting with `n` people in the real session object: everyone opts in, the
 * moderator starts, and each socket is timed until its own pair (`carousel/you` paired) arrives.
 * That covers the object's whole round start: pairing, the SQLite writes, and thousands of sends.
 */
export async function carouselScenario(
  make: (i: number) => BenchClient,
  moderator: BenchClient,
  n: number,
): Promise<CarouselRoundResult> {
  const crowd = new Crowd(make);
  try {
    await crowd.grow(n);
    const joins = await pool(crowd.clients, 64, (c) => c.mutate({ type: "carousel/join" }));
    const pairedAt = new Map<BenchClient, number>();
    for (const c of crowd.clients) {
      c.onRaw = (text, at) => {
        if (!pairedAt.has(c) && text.startsWith('{"type":"carousel/you"') && text.includes('"status":"paired"'))
          pairedAt.set(c, at);
      };
    }
    const started = performance.now();
    const ack = await moderator.mutate({ type: "carousel/start" });
    if (ack.frame.type !== "ack") throw new Error(`carousel/start refused: ${JSON.stringify(ack.frame)}`);
    while (pairedAt.size < crowd.clients.length && performance.now() - started < TIMEOUT_MS) await sleep(50);
    return {
      people: n,
      joined: joins.filter((j) => j.frame.type === "ack").length,
      pairedAfter: summarize([...pairedAt.values()].map((at) => at - started)),
      startAckMs: Math.round(ack.ms * 10) / 10,
      paired: pairedAt.size,
      errors: crowd.clients.reduce((sum, c) => sum + c.errors.length, 0),
    };
  } finally {
    await moderator.mutate({ type: "carousel/stop" });
    crowd.shrink(0);
  }
}
