import type { DeviceClass } from "../protocol/hello";

/**
 * Attendance arithmetic for the reports, pure so the worker and the tests agree on it.
 *
 * A person's visits to one session (each connection is a visit) become stays: visits that overlap
 * (two tabs, a phone beside a laptop) or follow within a minute of each other (a reconnect) are
 * one stay. Concurrency counts people, not connections: a person on two devices is one viewer,
 * because "how many people watched" is what an organizer reports to their client.
 */
export const RECONNECT_MS = 60_000;

export interface VisitSpan {
  registrationId: string;
  device: DeviceClass;
  joinedAt: number;
  /** Null while the connection is still open. */
  leftAt: number | null;
}

export interface Stay {
  registrationId: string;
  from: number;
  to: number;
  /** Connections merged into this stay. */
  visits: number;
  devices: DeviceClass[];
}

/**
 * Merges one session's visits into stays. `now` closes visits that are still open. Visits are
 * taken in any order; the result is ordered by person, then time.
 */
export function mergeStays(visits: readonly VisitSpan[], now: number, gap = RECONNECT_MS): Stay[] {
  const sorted = [...visits].sort(
    (a, b) =>
      (a.registrationId < b.registrationId ? -1 : a.registrationId > b.registrationId ? 1 : 0) ||
      a.joinedAt - b.joinedAt,
  );
  const stays: Stay[] = [];
  let current: Stay | undefined;
  for (const v of sorted) {
    // A visit never ends before it starts, even if a clock jumped.
    const to = Math.max(v.joinedAt, v.leftAt ?? now);
    if (current && current.registrationId === v.registrationId && v.joinedAt <= current.to + gap) {
      current.to = Math.max(current.to, to);
      current.visits++;
      if (!current.devices.includes(v.device)) current.devices.push(v.device);
      continue;
    }
    current = { registrationId: v.registrationId, from: v.joinedAt, to, visits: 1, devices: [v.device] };
    stays.push(current);
  }
  return stays;
}

export interface Concurrency {
  /** Most people at once, and when that was first reached (null when nobody came). */
  peak: number;
  peakAt: number | null;
  /** Time-weighted mean of people present over `average`'s window (0 for an empty window). */
  average: number;
  /** The chart: the most people at once in each bucket, from `from` on. */
  from: number;
  bucketMs: number;
  points: number[];
}

/**
 * One sweep over the stays' ends: the peak, the time-weighted average over `window` (the
 * session's scheduled time, so people who arrive early do not dilute it) and a series of at most
 * `buckets` points over `range` (scheduled time widened to every stay, so the chart shows them).
 * Stays must not overlap for one person (mergeStays guarantees it).
 */
export function concurrency(
  stays: readonly Pick<Stay, "from" | "to">[],
  window: { from: number; to: number },
  buckets = 120,
): Concurrency {
  const edges: [number, number][] = [];
  let first = window.from;
  let last = window.to;
  for (const s of stays) {
    if (s.to <= s.from) continue;
    edges.push([s.from, 1], [s.to, -1]);
    first = Math.min(first, s.from);
    last = Math.max(last, s.to);
  }
  // Departures before arrivals at the same instant: a hand-over is not an overlap.
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const span = Math.max(last - first, 1);
  const bucketMs = Math.max(60_000, Math.ceil(span / buckets / 60_000) * 60_000);
  const points = new Array<number>(Math.ceil(span / bucketMs)).fill(0);
  let count = 0;
  let peak = 0;
  let peakAt: number | null = null;
  let area = 0;
  for (let i = 0; i < edges.length; i++) {
    const [at, delta] = edges[i]!;
    count += delta;
    if (count > peak) {
      peak = count;
      peakAt = at;
    }
    const next = edges[i + 1]?.[0] ?? at;
    if (next <= at || count === 0) continue;
    const inFrom = Math.max(at, window.from);
    const inTo = Math.min(next, window.to);
    if (inTo > inFrom) area += count * (inTo - inFrom);
    const lastBucket = Math.min(points.length - 1, Math.floor((next - 1 - first) / bucketMs));
    for (let b = Math.floor((at - first) / bucketMs); b <= lastBucket; b++) points[b] = Math.max(points[b]!, count);
  }
  const length = window.to - window.from;
  return { peak, peakAt, average: length > 0 ? area / length : 0, from: first, bucketMs, points };
}

/** The UTC offset of `timeZone` at `instant`, in milliseconds (local = UTC + offset). */
export function zoneOffset(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  }).formatToParts(new Date(instant));
  const n = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second"));
  return local - Math.floor(instant / 1000) * 1000;
}

/** The local calendar date ("2026-03-01") of `instant` in `timeZone`. */
export function localDate(instant: number, timeZone: string): string {
  return new Date(instant + zoneOffset(instant, timeZone)).toISOString().slice(0, 10);
}

/** The instant the local day after `instant`'s starts (its midnight, daylight saving included). */
export function nextMidnight(instant: number, timeZone: string): number {
  const date = new Date(`${localDate(instant, timeZone)}T00:00:00Z`);
  const localMidnight = date.getTime() + 86_400_000;
  // The offset at midnight may differ from the one at `instant`; two rounds settle it.
  let guess = localMidnight - zoneOffset(localMidnight, timeZone);
  guess = localMidnight - zoneOffset(guess, timeZone);
  return guess;
}

/** A stay cut at each local midnight: how much of it fell on each local date. */
export function splitByDay(from: number, to: number, timeZone: string): { date: string; ms: number }[] {
  const out: { date: string; ms: number }[] = [];
  let at = from;
  while (at < to) {
    const end = Math.min(to, nextMidnight(at, timeZone));
    out.push({ date: localDate(at, timeZone), ms: end - at });
    at = end;
  }
  return out;
}

/**
 * Arrival buckets aligned to the event's clock: 5 minutes for an event of up to six hours, 15 up
 * to two days, an hour beyond. Returns the bucket's start for an instant.
 */
export function arrivalBucketMs(eventSpanMs: number): number {
  if (eventSpanMs <= 6 * 3_600_000) return 5 * 60_000;
  if (eventSpanMs <= 48 * 3_600_000) return 15 * 60_000;
  return 3_600_000;
}

export function bucketStart(instant: number, bucketMs: number, timeZone: string): number {
  const local = instant + zoneOffset(instant, timeZone);
  return instant - (((local % bucketMs) + bucketMs) % bucketMs);
}
