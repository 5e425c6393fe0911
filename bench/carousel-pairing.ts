/**
 * Carousel pairing cost: CPU time to pair a round of N waiting people with a history of earlier
 * rounds and a "mix organisations" rule, against a naive baseline (shuffle and pair neighbours,
 * ignoring history and rules) in the same run. Run: `npm run bench` (or this file alone with
 * `node bench/carousel-pairing.ts`).
 */
import { pairRound, type Waiter } from "../durable-objects/session/features/carousel/pairing.ts";
import { mulberry32 } from "../scripts/lib/seeded-random.ts";

export interface PairingBenchResult {
  scenario: "carousel-pairing";
  params: { people: number; previousRounds: number; rules: string[]; repetitions: number };
  cpuMs: { p50: number; max: number };
  baselineCpuMs: { p50: number; max: number };
  ratioToBaseline: number;
  placed: number;
  repeats: number;
  waiting: number;
}

const ORGS = ["acme", "globex", "initech", "umbrella", "hooli", "stark", "wayne"];

function cpuMs(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
};

/** What a carousel without history or rules does: shuffle, pair neighbours, odd one out in a trio. */
function naivePairing(ids: string[], random: () => number): string[][] {
  const order = [...ids];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const groups: string[][] = [];
  for (let i = 0; i + 1 < order.length; i += 2) groups.push([order[i]!, order[i + 1]!]);
  if (order.length % 2 === 1 && groups.length > 0) groups[groups.length - 1]!.push(order.at(-1)!);
  return groups;
}

export function benchPairing(people = 10_000, previousRounds = 8, repetitions = 7): PairingBenchResult {
  const random = mulberry32(2026);
  const waiting: Waiter[] = Array.from({ length: people }, (_, i) => ({
    id: `p${i}`,
    attributes: { organisation: ORGS[i % ORGS.length] },
  }));
  const met = new Map<string, Set<string>>();
  const note = (a: string, b: string) => {
    (met.get(a) ?? met.set(a, new Set()).get(a)!).add(b);
    (met.get(b) ?? met.set(b, new Set()).get(b)!).add(a);
  };
  const rules = [{ attribute: "organisation", mode: "different" as const }];
  let last = pairRound({ waiting, met, rules, random });
  // Earlier rounds come from the algorithm itself, as in a real carousel.
  for (let round = 0; round < previousRounds; round++) {
    for (const g of last.groups)
      for (let i = 0; i < g.length; i++) for (let j = i + 1; j < g.length; j++) note(g[i]!, g[j]!);
    last = pairRound({ waiting, met, rules, random });
  }
  const ours: number[] = [];
  const baseline: number[] = [];
  let result = last;
  for (let r = 0; r < repetitions; r++) {
    ours.push(cpuMs(() => (result = pairRound({ waiting, met, rules, random }))));
    baseline.push(
      cpuMs(() =>
        naivePairing(
          waiting.map((w) => w.id),
          random,
        ),
      ),
    );
  }
  const p50 = percentile(ours, 0.5);
  const base50 = percentile(baseline, 0.5);
  return {
    scenario: "carousel-pairing",
    params: { people, previousRounds, rules: ["organisation:different"], repetitions },
    cpuMs: { p50: round2(p50), max: round2(Math.max(...ours)) },
    baselineCpuMs: { p50: round2(base50), max: round2(Math.max(...baseline)) },
    ratioToBaseline: round2(p50 / Math.max(base50, 0.01)),
    placed: result.groups.flat().length,
    repeats: result.repeats,
    waiting: result.waiting.length,
  };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

if (import.meta.main) {
  console.log(JSON.stringify([benchPairing(1_000), benchPairing(10_000)], null, 2));
}
