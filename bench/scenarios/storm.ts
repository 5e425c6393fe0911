import { benchId, type BenchClient } from "../lib/client.ts";
import type { Crowd } from "../lib/crowd.ts";
import { pool, sleep, summarize, type LatencySummary } from "../lib/stats.ts";
import { OPTIONS, openPoll, readPoll } from "./votes.ts";

export interface StormResult {
  sockets: number;
  /** Votes sent just before every socket dropped; the pages resend them after reconnecting. */
  inFlightVotes: number;
  reconnected: number;
  reconnectMs: LatencySummary;
  /** Votes acknowledged in the end (every one must be). */
  acked: number;
  lost: number;
  /** Resends the object recognised as already applied (answered, not applied again). */
  duplicateAcks: number;
  counted: { voters: number; counts: number[] };
  expected: { voters: number; counts: number[] };
  countedExactly: boolean;
  /** Pages whose tally matches the object's within five seconds after the last ack. */
  converged: number;
  convergeMs: number;
}

/**
 * Every voter has voted; then each changes its vote and, a moment later, every socket drops
 * (votes still in flight). All reconnect at once with their last event number and resend what
 * was not acknowledged. Nothing acknowledged may be lost, nothing applied twice, and every
 * page must end with the object's tally.
 */
export async function stormScenario(
  crowd: Crowd,
  moderator: BenchClient,
  readerFactory: () => BenchClient,
): Promise<StormResult> {
  const clients = crowd.clients;
  const pollId = await openPoll(moderator, `Storm ${benchId("s")}`);
  const views = new Map<BenchClient, string>();
  for (const c of clients) {
    c.parseEvents = true;
    c.onEvent = (e) => {
      if (e.type === "poll/tally" && e.pollId === pollId) views.set(c, JSON.stringify(e.counts));
      if (e.type === "poll/upsert" && e.poll.id === pollId) views.set(c, JSON.stringify(e.poll.counts));
    };
    c.onSnapshot = (s) => {
      const poll = s.state.polls.find((p) => p.id === pollId);
      if (poll) views.set(c, JSON.stringify(poll.counts));
    };
  }
  await pool(clients, 64, (c, i) => c.mutate({ type: "poll/vote", pollId, choices: [i % OPTIONS] }));
  for (const c of clients) c.duplicates = 0;

  // The change of heart, and the drop while those votes are on their way.
  const finals = await Promise.all([
    (async () => {
      const answers = clients.map((c, i) => c.mutate({ type: "poll/vote", pollId, choices: [(i + 1) % OPTIONS] }));
      return Promise.all(answers);
    })(),
    (async () => {
      await sleep(30);
      for (const c of clients) c.drop();
      await sleep(200);
      const times: number[] = [];
      await pool(clients, 96, async (c) => {
        const t0 = performance.now();
        for (let attempt = 0; attempt < 6; attempt++) {
          try {
            await c.connect();
            times.push(performance.now() - t0);
            return;
          } catch {
            await sleep(250 * 2 ** attempt * (0.5 + Math.random() / 2));
          }
        }
      });
      return times;
    })(),
  ]);
  const [answers, reconnectTimes] = finals;
  const acked = answers.filter((a) => a.frame.type === "ack").length;
  const expectedCounts = Array.from(
    { length: OPTIONS },
    (_, o) => clients.filter((_, i) => (i + 1) % OPTIONS === o).length,
  );
  const counted = await readPoll(readerFactory, pollId);
  const target = JSON.stringify(counted.counts);
  const start = performance.now();
  while (performance.now() - start < 5_000 && clients.some((c) => views.get(c) !== target)) await sleep(50);
  const convergeMs = Math.round(performance.now() - start);
  for (const c of clients) {
    c.parseEvents = false;
    c.onEvent = undefined;
    c.onSnapshot = undefined;
  }
  return {
    sockets: clients.length,
    inFlightVotes: clients.length,
    reconnected: reconnectTimes.length,
    reconnectMs: summarize(reconnectTimes),
    acked,
    lost: clients.length - acked,
    duplicateAcks: clients.reduce((n, c) => n + c.duplicates, 0),
    counted,
    expected: { voters: clients.length, counts: expectedCounts },
    countedExactly: counted.voters === clients.length && target === JSON.stringify(expectedCounts),
    converged: clients.filter((c) => views.get(c) === target).length,
    convergeMs,
  };
}
