import { benchId, type BenchClient } from "../lib/client.ts";
import type { Crowd } from "../lib/crowd.ts";
import { sleep, summarize, type LatencySummary } from "../lib/stats.ts";

export interface BroadcastResult {
  sockets: number;
  connected: number;
  connectMs: number;
  messages: number;
  frameBytes: number;
  latency: LatencySummary;
  delivered: number;
  expected: number;
  lost: number;
  duplicates: number;
  /** The slowest arrival of each message (ms): shows whether the tail is a few slow messages or every one. */
  slowestPerMessage: number[];
}

const MESSAGES = 30;
const WAIT_MS = 5_000;
// With the chat frame's fields, this text makes a frame of about 200 bytes.
const TEXT = "Keynote in 5 min!";

/**
 * Grows the crowd to `sockets` receivers; a sender then sends MESSAGES chat lines one after
 * another, each timed from the send to its arrival at every receiver (same process, same
 * clock). The next line goes when the previous one reached everyone (or WAIT_MS passed), so
 * latencies do not overlap and a lost frame cannot hide.
 */
export async function broadcastScenario(crowd: Crowd, sender: BenchClient, sockets: number): Promise<BroadcastResult> {
  const connectMs = await crowd.grow(sockets);
  const receivers = crowd.clients.slice(0, sockets);
  await sleep(1_500);
  const samples: number[] = [];
  let delivered = 0;
  let duplicates = 0;
  let frameBytes = 0;
  const slowestPerMessage: number[] = [];
  for (let m = 0; m < MESSAGES; m++) {
    let slowest = 0;
    const marker = `${m}${benchId("x").slice(-5)}`;
    const seen = new Set<number>();
    let t0 = 0;
    let done: () => void = () => {};
    const all = new Promise<void>((r) => (done = r));
    receivers.forEach((r, i) => {
      r.onRaw = (text, at) => {
        if (!text.includes(marker)) return;
        if (seen.has(i)) return void duplicates++;
        seen.add(i);
        frameBytes = Buffer.byteLength(text);
        samples.push(at - t0);
        slowest = Math.max(slowest, at - t0);
        if (seen.size === receivers.length) done();
      };
    });
    t0 = performance.now();
    sender.sendRaw({ type: "chat/send", id: benchId("c"), text: `${marker} ${TEXT}` });
    await Promise.race([all, sleep(WAIT_MS)]);
    delivered += seen.size;
    slowestPerMessage.push(Math.round(slowest));
    await sleep(100);
  }
  for (const r of receivers) r.onRaw = undefined;
  const expected = receivers.length * MESSAGES;
  return {
    sockets,
    connected: receivers.length,
    connectMs,
    messages: MESSAGES,
    frameBytes,
    latency: summarize(samples),
    delivered,
    expected,
    lost: expected - delivered,
    duplicates,
    slowestPerMessage,
  };
}
