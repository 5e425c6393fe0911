/**
 * Chat-carousel pairing: who talks to whom in the next round. Pure and deterministic for a given
 * random source, so it is unit- and property-tested directly.
 *
 * Order of preference, each step only over the people the previous step left:
 *   1. pairs of people who have not met in this carousel and satisfy every matching rule;
 *   2. pairs that satisfy the rules but have met before (a repeat beats waiting alone);
 *   3. a leftover joins an existing pair as a trio when the rules allow it with both;
 *   4. anyone still left waits this round, with a reason the client can show.
 * Matching rules are hard constraints: they are never broken to place someone.
 *
 * Steps 1 and 2 are a randomised greedy pass followed by augmenting paths (Edmonds' blossom
 * search) from every unmatched person, so small carousels get a maximum matching; in very large
 * ones each search is capped, keeping a round of 10,000 people well under the CPU budget.
 */

export type AttributeValue = string | readonly string[];

export interface Waiter {
  id: string;
  attributes: Readonly<Record<string, AttributeValue | undefined>>;
}

/** "different": mix people (e.g. organisations); "same": keep people together (e.g. language). */
export interface MatchingRule {
  attribute: string;
  mode: "different" | "same";
}

export interface PairingInput {
  waiting: readonly Waiter[];
  /** Who has met whom in this carousel (either direction is enough). */
  met: ReadonlyMap<string, ReadonlySet<string>>;
  rules: readonly MatchingRule[];
  random: () => number;
}

export type WaitReason = "alone" | "no_compatible_partner";

export interface PairingResult {
  /** Pairs, and trios where someone would otherwise be left out. */
  groups: string[][];
  waiting: { id: string; reason: WaitReason }[];
  /** Pairs in `groups` whose people had met before. */
  repeats: number;
}

const norm = (value: AttributeValue | undefined): string[] =>
  value === undefined
    ? []
    : (typeof value === "string" ? [value] : [...value]).map((s) => s.trim().toLowerCase()).filter(Boolean);

/** Everything an edge check needs, precomputed once per round so the hot loop does no allocation. */
function compile(input: PairingInput) {
  const people = input.waiting;
  const index = new Map(people.map((p, i) => [p.id, i]));
  const met: (Set<number> | undefined)[] = people.map(() => undefined);
  const meet = (a: number, b: number) => {
    const known = met[a] ?? new Set<number>();
    known.add(b);
    met[a] = known;
  };
  people.forEach((p, i) => {
    for (const other of input.met.get(p.id) ?? []) {
      const j = index.get(other);
      if (j === undefined) continue;
      meet(i, j);
      meet(j, i);
    }
  });
  const values = input.rules.map((rule) => people.map((p) => norm(p.attributes[rule.attribute])));
  const allowed = (i: number, j: number): boolean => {
    for (let r = 0; r < input.rules.length; r++) {
      const va = values[r]![i]!;
      const vb = values[r]![j]!;
      // Someone who did not answer the question cannot break a rule about it.
      if (va.length === 0 || vb.length === 0) continue;
      const overlap = va.some((x) => vb.includes(x));
      const mode = input.rules[r]!.mode;
      switch (mode) {
        case "different":
          if (overlap) return false;
          break;
        case "same":
          if (!overlap) return false;
          break;
        default:
          return mode satisfies never;
      }
    }
    return true;
  };
  const hasMet = (i: number, j: number) => met[i]?.has(j) === true;
  return { allowed, hasMet, fresh: (i: number, j: number) => !hasMet(i, j) && allowed(i, j) };
}

/** Blossom-search effort per unmatched person: exhaustive for small rounds, bounded for huge ones. */
const searchCap = (n: number) => Math.max(256, Math.floor(4_000_000 / Math.max(1, n)));

export function pairRound(input: PairingInput): PairingResult {
  const people = input.waiting;
  const n = people.length;
  if (n === 0) return { groups: [], waiting: [], repeats: 0 };
  if (n === 1) return { groups: [], waiting: [{ id: people[0]!.id, reason: "alone" }], repeats: 0 };

  const { allowed, hasMet, fresh } = compile(input);

  const match = new Int32Array(n).fill(-1);
  const everyone = shuffled(n, input.random);
  matchTier(everyone, match, fresh, input.random);
  const leftovers = everyone.filter((i) => match[i] === -1);
  if (leftovers.length > 1) matchTier(leftovers, match, allowed, input.random);

  const groups: number[][] = [];
  for (const i of everyone) if (match[i]! > i) groups.push([i, match[i]!]);
  const waiting: { id: string; reason: WaitReason }[] = [];
  const trioFilled = new Set<number[]>();
  for (const u of everyone) {
    if (match[u] !== -1) continue;
    // Prefer a pair neither member of which u has met, then any the rules allow.
    const candidates = groups.filter(
      (g) => g.length === 2 && !trioFilled.has(g) && allowed(u, g[0]!) && allowed(u, g[1]!),
    );
    const host = candidates.find((g) => !hasMet(u, g[0]!) && !hasMet(u, g[1]!)) ?? candidates[0];
    if (host) {
      host.push(u);
      trioFilled.add(host);
    } else {
      waiting.push({ id: people[u]!.id, reason: n === 1 ? "alone" : "no_compatible_partner" });
    }
  }
  let repeats = 0;
  for (const g of groups) if (g.length === 2 && hasMet(g[0]!, g[1]!)) repeats++;
  return { groups: groups.map((g) => g.map((i) => people[i]!.id)), waiting, repeats };
}

function shuffled(n: number, random: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/** Greedy matching of `members` over `edge`, then augmenting paths from whoever is left. */
function matchTier(
  members: readonly number[],
  match: Int32Array,
  edge: (i: number, j: number) => boolean,
  random: () => number,
): void {
  const pool = members.filter((i) => match[i] === -1);
  const where = new Map<number, number>();
  for (let at = 0; at < pool.length; at++) where.set(pool[at]!, at);
  const take = (v: number) => {
    const at = where.get(v)!;
    const last = pool.pop()!;
    if (last !== v) {
      pool[at] = last;
      where.set(last, at);
    }
    where.delete(v);
  };
  for (const i of members) {
    if (match[i] !== -1 || !where.has(i)) continue;
    take(i);
    let partner = -1;
    // A few random probes find a partner at once in the usual, dense case…
    for (let probe = 0; probe < 16 && pool.length > 0 && partner < 0; probe++) {
      const j = pool[Math.floor(random() * pool.length)]!;
      if (edge(i, j)) partner = j;
    }
    // …and a full scan settles the rest.
    for (let k = 0; k < pool.length && partner < 0; k++) if (edge(i, pool[k]!)) partner = pool[k]!;
    if (partner >= 0) {
      take(partner);
      match[i] = partner;
      match[partner] = i;
    }
  }
  const inTier = new Set(members);
  const cap = searchCap(members.length);
  const free = () => members.filter((i) => match[i] === -1);
  // An augmenting path joins two unmatched people: with fewer than two there is nothing to find.
  for (const root of free()) {
    if (match[root] === -1 && free().length >= 2) augment(root, members, inTier, match, edge, cap);
  }
}

/**
 * Edmonds' blossom search for an augmenting path from `root` over the tier's members; flips the
 * path when found. Stops after `cap` vertices, which only matters in very large rounds.
 */
function augment(
  root: number,
  members: readonly number[],
  inTier: ReadonlySet<number>,
  match: Int32Array,
  edge: (i: number, j: number) => boolean,
  cap: number,
): void {
  const n = match.length;
  const parent = new Int32Array(n).fill(-1);
  const base = new Int32Array(n);
  for (let i = 0; i < n; i++) base[i] = i;
  const used = new Uint8Array(n);
  const queue: number[] = [root];
  used[root] = 1;

  const lca = (a: number, b: number): number => {
    const seen = new Uint8Array(n);
    for (;;) {
      a = base[a]!;
      seen[a] = 1;
      if (match[a] === -1) break;
      a = parent[match[a]!]!;
    }
    for (;;) {
      b = base[b]!;
      if (seen[b]) return b;
      b = parent[match[b]!]!;
    }
  };
  const markPath = (v: number, b: number, child: number, blossom: Uint8Array) => {
    while (base[v] !== b) {
      blossom[base[v]!] = 1;
      blossom[base[match[v]!]!] = 1;
      parent[v] = child;
      child = match[v]!;
      v = parent[match[v]!]!;
    }
  };

  for (let head = 0; head < queue.length && head < cap; head++) {
    const v = queue[head]!;
    for (const to of members) {
      if (to === v || base[v] === base[to] || match[v] === to || !inTier.has(to) || !edge(v, to)) continue;
      if (to === root || (match[to] !== -1 && parent[match[to]!] !== -1)) {
        const b = lca(v, to);
        const blossom = new Uint8Array(n);
        markPath(v, b, to, blossom);
        markPath(to, b, v, blossom);
        for (const i of members) {
          if (blossom[base[i]!]) {
            base[i] = b;
            if (!used[i]) {
              used[i] = 1;
              queue.push(i);
            }
          }
        }
      } else if (parent[to] === -1) {
        parent[to] = v;
        if (match[to] === -1) {
          // Flip the path root … v → to.
          let u = to;
          while (u !== -1) {
            const pu = parent[u]!;
            const next = match[pu]!;
            match[u] = pu;
            match[pu] = u;
            u = next;
          }
          return;
        }
        const mate = match[to]!;
        used[mate] = 1;
        queue.push(mate);
      }
    }
  }
}
