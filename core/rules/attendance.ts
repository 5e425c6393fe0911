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
  const before = (a: VisitSpan, b: VisitSpan) =>
    (a.registrationId < b.registrationId ? -1 : a.registrationId > b.registrationId ? 1 : 0) || a.joinedAt - b.joinedAt;
  // The reports read visits already in this order (an index): checking is cheaper than sorting.
  let ordered = true;
  for (let i = 1; i < visits.length && ordered; i++) ordered = before(visits[i - 1]!, visits[i]!) <= 0;
  const sorted = ordered ? visits : [...visits].sort(before);
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
  // Each edge is one number, time × 2 plus 1 for an arrival, so a typed array sorts them (many
  // times faster than objects at 400,000 edges) and departures sort before arrivals at the same
  // instant: a hand-over is not an overlap.
  const encoded = new Float64Array(stays.length * 2);
  let n = 0;
  let first = window.from;
  let last = window.to;
  for (const s of stays) {
    if (s.to <= s.from) continue;
    encoded[n++] = s.from * 2 + 1;
    encoded[n++] = s.to * 2;
    first = Math.min(first, s.from);
    last = Math.max(last, s.to);
  }
  const sortedEdges = encoded.subarray(0, n).sort();
  const edges = {
    length: n,
    at: (i: number): [number, number] | undefined => {
      if (i >= n) return undefined;
      const e = sortedEdges[i]!;
      return e % 2 === 1 ? [(e - 1) / 2, 1] : [e / 2, -1];
    },
  };
  const span = Math.max(last - first, 1);
  const bucketMs = Math.max(60_000, Math.ceil(span / buckets / 60_000) * 60_000);
  const points = new Array<number>(Math.ceil(span / bucketMs)).fill(0);
  let count = 0;
  let peak = 0;
  let peakAt: number | null = null;
  let area = 0;
  for (let i = 0; i < edges.length; i++) {
    const [at, delta] = edges.at(i)!;
    count += delta;
    if (count > peak) {
      peak = count;
      peakAt = at;
    }
    const next = edges.at(i + 1)?.[0] ?? at;
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

// Making a formatter costs far more than using one, and a big event's report asks for hundreds of
// thousands of offsets: one formatter per time zone.
const formatters = new Map<string, Intl.DateTimeFormat>();
const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
};

/** The UTC offset of `timeZone` at `instant`, in milliseconds (local = UTC + offset). */
export function zoneOffset(instant: number, timeZone: string): number {
  // A stays CSV asks for hundreds of thousands of offsets and Intl answers each in microseconds:
  // an hour whose first and last millisecond share an offset has that offset throughout (no zone
  // changes twice within an hour), so the answer is kept per hour.
  const hour = Math.floor(instant / HOUR_MS);
  let hours = offsetsByHour.get(timeZone);
  if (!hours || hours.size > 100_000) {
    hours = new Map();
    offsetsByHour.set(timeZone, hours);
  }
  let known = hours.get(hour);
  if (known === undefined) {
    const start = exactOffset(hour * HOUR_MS, timeZone);
    known = start === exactOffset(hour * HOUR_MS + HOUR_MS - 1, timeZone) ? start : null;
    hours.set(hour, known);
  }
  return known ?? exactOffset(instant, timeZone);
}

const HOUR_MS = 3_600_000;
/** Per time zone, per hour since the epoch: its offset, or null for an hour with a change in it. */
const offsetsByHour = new Map<string, Map<number, number | null>>();

function exactOffset(instant: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
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
  return new LocalDays(timeZone).split(from, to);
}

/**
 * The local days of a time zone, worked out once and reused for every stay: asking Intl for each
 * stay's midnights costs tens of microseconds, which over 200,000 stays is seconds. Day `i` runs
 * from `starts[i]` to `starts[i + 1]` (the list always holds one start more than it has dates).
 */
export class LocalDays {
  private readonly starts: number[] = [];
  private readonly dates: string[] = [];
  private readonly timeZone: string;

  constructor(timeZone: string) {
    this.timeZone = timeZone;
  }

  private cover(instant: number): void {
    if (this.starts.length === 0) {
      const end = nextMidnight(instant, this.timeZone);
      // The day's own start: the midnight after a moment safely inside the day before.
      const start = nextMidnight(end - 30 * 3_600_000, this.timeZone);
      const begin = start > instant ? nextMidnight(start - 30 * 3_600_000, this.timeZone) : start;
      this.starts.push(begin, begin === start ? end : start);
      this.dates.push(localDate(begin, this.timeZone));
    }
    while (instant < this.starts[0]!) {
      const start = nextMidnight(this.starts[0]! - 30 * 3_600_000, this.timeZone);
      this.starts.unshift(start);
      this.dates.unshift(localDate(start, this.timeZone));
    }
    while (instant >= this.starts[this.starts.length - 1]!) {
      const start = this.starts[this.starts.length - 1]!;
      this.dates.push(localDate(start, this.timeZone));
      this.starts.push(nextMidnight(start, this.timeZone));
    }
  }

  /** The index of the day `instant` falls on. */
  private dayOf(instant: number): number {
    this.cover(instant);
    let lo = 0;
    let hi = this.dates.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= instant) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The local day `instant` falls on, from its start to the next day's. */
  dayAt(instant: number): { date: string; start: number; end: number } {
    const day = this.dayOf(instant);
    return { date: this.dates[day]!, start: this.starts[day]!, end: this.starts[day + 1]! };
  }

  split(from: number, to: number): { date: string; ms: number }[] {
    const out: { date: string; ms: number }[] = [];
    let at = from;
    while (at < to) {
      const day = this.dayOf(at);
      const end = Math.min(to, this.starts[day + 1]!);
      out.push({ date: this.dates[day]!, ms: end - at });
      at = end;
    }
    return out;
  }
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
