/** Percentile by nearest rank over unsorted samples (ms), rounded to 0.1 ms. */
export function percentile(samples: readonly number[], p: number): number | null {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round(sorted[rank]! * 10) / 10;
}

export interface LatencySummary {
  samples: number;
  p50: number | null;
  p99: number | null;
  max: number | null;
}

export const summarize = (samples: readonly number[]): LatencySummary => ({
  samples: samples.length,
  p50: percentile(samples, 50),
  p99: percentile(samples, 99),
  // A reduce, not Math.max(...samples): 150,000 arguments overflow the stack.
  max: samples.length ? Math.round(samples.reduce((a, b) => Math.max(b, a), -Infinity) * 10) / 10 : null,
});

export const ratio = (a: number | null, b: number | null): number | null =>
  a !== null && b !== null && b > 0 ? Math.round((a / b) * 100) / 100 : null;

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Runs `task` over `items` with at most `limit` in flight. */
export async function pool<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, i: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await task(items[i]!, i);
      }
    }),
  );
  return results;
}
