import { benchId, type BenchClient } from "../lib/client.ts";
import type { Crowd } from "../lib/crowd.ts";
import { sleep, summarize, type LatencySummary } from "../lib/stats.ts";

export const OPTIONS = 4;
export const SETTLE_MS = 2_000;

export interface VoteResult {
  voters: number;
  /** Every voter's vote left within this window. */
  sentWithinMs: number;
  /** Votes sent a second time with the same mutation id (a flaky network's retry). */
  resends: number;
  acked: number;
  duplicateAcks: number;
  errors: number;
  ackLatency: LatencySummary;
  /** What the object counted, read from a fresh snapshot. */
  counted: { voters: number; counts: number[] };
  expected: { voters: number; counts: number[] };
  countedExactly: boolean;
  /** Most tally updates a watching participant received within any one second. */
  tallyUpdatesMaxPerSecond: number;
}

/** Opens a poll as the moderator and returns its id. */
export async function openPoll(moderator: BenchClient, question: string): Promise<string> {
  const created = await moderator.mutate({
    type: "poll/create",
    poll: { question, kind: "single", options: ["A", "B", "C", "D"] },
  });
  const pollId = created.frame.type === "ack" ? created.frame.entityId : undefined;
  if (!pollId) throw new Error(`poll/create refused: ${JSON.stringify(created.frame)}`);
  await moderator.mutate({ type: "poll/open", pollId });
  return pollId;
}

/** The poll as a newcomer sees it (a fresh staff socket's snapshot). */
export async function readPoll(make: () => BenchClient, pollId: string): Promise<{ voters: number; counts: number[] }> {
  const reader = make();
  let found: { voters: number; counts: number[] } | undefined;
  reader.onSnapshot = (s) => {
    const poll = s.state.polls.find((p) => p.id === pollId);
    if (poll) found = { voters: poll.voters, counts: poll.counts ?? [] };
  };
  await reader.connect();
  for (let i = 0; i < 50 && !found; i++) await sleep(20);
  reader.close();
  if (!found) throw new Error("poll not in snapshot");
  return found;
}

/**
 * `voters` people each vote once, all within one second (evenly spread); every tenth vote is
 * also sent again with the same id. Checks that each vote counted exactly once and measures the
 * ack latency and how often a watching participant got tally updates.
 */
export async function voteScenario(
  crowd: Crowd,
  moderator: BenchClient,
  readerFactory: () => BenchClient,
  voters: number,
): Promise<VoteResult> {
  await crowd.grow(voters);
  const clients = crowd.clients.slice(0, voters);
  const pollId = await openPoll(moderator, `Votes ${benchId("v")}`);
  const watcher = clients[0]!;
  const tallyTimes: number[] = [];
  watcher.parseEvents = true;
  watcher.onEvent = (e) => e.type === "poll/tally" && e.pollId === pollId && tallyTimes.push(performance.now());
  // Voting starts once the crowd that just connected has settled, as in a session: people join
  // over minutes, then a poll opens.
  await sleep(SETTLE_MS);

  const answers: Promise<{ ms: number; ok: boolean; duplicate: boolean }>[] = [];
  let resends = 0;
  const started = performance.now();
  const perTick = Math.ceil(voters / 100);
  for (let i = 0; i < voters; i += perTick) {
    for (let k = i; k < Math.min(voters, i + perTick); k++) {
      const id = benchId("v");
      const frame = { type: "poll/vote", pollId, choices: [k % OPTIONS] };
      answers.push(
        clients[k]!.mutate(frame, id).then((a) => ({
          ms: a.ms,
          ok: a.frame.type === "ack",
          duplicate: a.frame.type === "ack" && a.frame.duplicate === true,
        })),
      );
      if (k % 10 === 0) {
        clients[k]!.sendRaw({ ...frame, id });
        resends++;
      }
    }
    await sleep(Math.max(0, started + ((i + perTick) / voters) * 1000 - performance.now()));
  }
  const sentWithinMs = Math.round(performance.now() - started);
  const results = await Promise.all(answers);
  await sleep(1_000);
  watcher.onEvent = undefined;
  watcher.parseEvents = false;

  const expectedCounts = Array.from(
    { length: OPTIONS },
    (_, o) => Math.floor(voters / OPTIONS) + (o < voters % OPTIONS ? 1 : 0),
  );
  const counted = await readPoll(readerFactory, pollId);
  let maxPerSecond = 0;
  for (let i = 0; i < tallyTimes.length; i++) {
    const inWindow = tallyTimes.filter((t) => t >= tallyTimes[i]! && t < tallyTimes[i]! + 1000).length;
    maxPerSecond = Math.max(maxPerSecond, inWindow);
  }
  return {
    voters,
    sentWithinMs,
    resends,
    acked: results.filter((r) => r.ok).length,
    duplicateAcks: clients.reduce((n, c) => n + c.duplicates, 0),
    errors: results.filter((r) => !r.ok).length,
    ackLatency: summarize(results.map((r) => r.ms)),
    counted,
    expected: { voters, counts: expectedCounts },
    countedExactly: counted.voters === voters && JSON.stringify(counted.counts) === JSON.stringify(expectedCounts),
    tallyUpdatesMaxPerSecond: maxPerSecond,
  };
}
