/**
 * The pure geometry of the report charts: which x range and ticks a chart gets, and how long a
 * category's label may be. Kept out of Chart.tsx so it is tested without a canvas.
 */

/** A series has something to draw: at least one point and one value above zero. */
export const hasData = (xCount: number, series: readonly { values: readonly number[] }[]): boolean =>
  xCount > 0 && series.some((s) => s.values.some((v) => v > 0));

/**
 * Categories sit at 0, 1, … n-1: half a slot either side centres every bar in its slot, with the
 * first and last labels inside the chart instead of cut at its edges.
 */
export const categoryRange = (n: number): [number, number] => [-0.5, Math.max(0, n - 1) + 0.5];

/** The step between buckets, in seconds: the given bucket size, else the smallest gap in the data. */
export function bucketStep(xs: readonly number[], bucketS?: number): number {
  if (bucketS && bucketS > 0) return bucketS;
  let step = Number.POSITIVE_INFINITY;
  for (let i = 1; i < xs.length; i++) step = Math.min(step, xs[i]! - xs[i - 1]!);
  return Number.isFinite(step) && step > 0 ? step : 300;
}

/**
 * The x range of a time chart, in seconds. Bars are centred on their bucket's start, so half a
 * bucket either side keeps the first and last bar whole; a stepped line spans its buckets, the last
 * one included (so its level shows and its tick is not cut at the edge). uPlot's own choice for a single point is a whole day, which labels every tick 00:00.
 */
export function timeRange(xs: readonly number[], style: "bars" | "steps", bucketS?: number): [number, number] {
  const step = bucketStep(xs, bucketS);
  const first = xs[0] ?? 0;
  const last = xs[xs.length - 1] ?? first;
  return style === "bars" ? [first - step / 2, last + step / 2] : [first, last + step];
}

/** Few buckets get a tick each, at its start (as the table reads); many are left to uPlot. */
export const timeSplits = (xs: readonly number[], most = 8): number[] | undefined =>
  xs.length > 0 && xs.length <= most ? [...xs] : undefined;

/** Whole numbers on a count axis: people and votes come in ones. */
export const COUNT_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000];

/** A label cut to `max` characters, the last one an ellipsis; whole when it fits. */
export function truncate(label: string, max: number): string {
  const chars = [...label];
  if (chars.length <= max) return label;
  if (max <= 1) return "…";
  return `${chars
    .slice(0, max - 1)
    .join("")
    .trimEnd()}…`;
}

/** How many characters of a label fit a category's slot (about 7 px a character at the axis font). */
export const labelRoom = (plotWidthPx: number, categories: number, charPx = 7): number =>
  Math.max(3, Math.floor((plotWidthPx / Math.max(1, categories) - 8) / charPx));
