import type { AttendanceReport, SessionAttendance } from "../../core/contract/reports";
import type { DeviceClass } from "../../core/protocol/hello";
import { DeviceClasses } from "../../core/protocol/hello";
import {
  arrivalBucketMs,
  concurrency,
  LocalDays,
  mergeStays,
  type Stay,
  zoneOffset,
} from "../../core/rules/attendance";
import type { Db } from "../db/client";
import { headcountsOf, registrationCount, reportSessions, visitsOfSession } from "../db/report-queries";
import type { EventRow } from "../db/schema";

export interface PersonAttendance {
  firstArrival: number;
  sessions: Set<string>;
  watchedMs: number;
  devices: Set<DeviceClass>;
}

interface DayTotals {
  people: Set<string>;
  watchedMs: number;
}

export interface Attendance {
  report: AttendanceReport;
  people: Map<string, PersonAttendance>;
  sessionTitles: Map<string, string>;
}

/** What the engagement report needs of the attendance: who was in each session. */
export interface Headcounts {
  report: Pick<AttendanceReport, "generatedAt"> & {
    sessions: Pick<SessionAttendance, "sessionId" | "title" | "kind" | "people">[];
  };
  sessionTitles: Map<string, string>;
}

/** Each session's people, counted in D1: the same numbers as `attendanceOf`'s, without the stays. */
export async function headcounts(db: Db, event: EventRow, now: number): Promise<Headcounts> {
  const [sessions, counts] = await Promise.all([reportSessions(db, event.id), headcountsOf(db, event.id)]);
  const people = new Map(counts.map((c) => [c.sessionId, c.people]));
  return {
    report: {
      generatedAt: now,
      sessions: sessions.map((s) => ({ sessionId: s.id, title: s.title, kind: s.kind, people: people.get(s.id) ?? 0 })),
    },
    sessionTitles: new Map(sessions.map((s) => [s.id, s.title])),
  };
}

/**
 * The stays of the event's sessions (or of one), session by session in programme order, handed
 * to `onStays` as they are merged and then dropped: the stays report, without the attendance's
 * sums. Returns whether any session was read (false for a session not of this event).
 */
export async function eachSessionStays(
  db: Db,
  event: EventRow,
  now: number,
  sessionId: string | undefined,
  onStays: (session: { id: string; title: string }, stays: readonly Stay[]) => void,
): Promise<boolean> {
  const sessions = (await reportSessions(db, event.id)).filter((s) => !sessionId || s.id === sessionId);
  for (const s of sessions) onStays(s, mergeStays(await visitsOfSession(db, s.id), now));
  return sessions.length > 0;
}

export interface AttendanceOptions {
  /** Sees each session's stays as they are computed (the stays report); they are not kept. */
  onStays?: (session: { id: string; title: string }, stays: readonly Stay[]) => void;
  /**
   * Only what the per-person tables use (`people`, the sessions' counts): the concurrency
   * series and the days, a third of the work, are left empty.
   */
  peopleOnly?: boolean;
}

/**
 * The event's attendance in one pass over its visits: stays per session (reconnects and second
 * devices merged), each session's concurrency, then per person and per local day. `now` closes
 * visits still open, so the report also works while the event runs.
 */
export async function attendanceOf(
  db: Db,
  event: EventRow,
  now: number,
  { onStays, peopleOnly = false }: AttendanceOptions = {},
): Promise<Attendance> {
  const [sessions, registered] = await Promise.all([reportSessions(db, event.id), registrationCount(db, event.id)]);
  const people = new Map<string, PersonAttendance>();
  const days = new Map<string, DayTotals>();
  const rows: SessionAttendance[] = [];
  const localDays = new LocalDays(event.timezone);
  const series: AttendanceReport["concurrency"] = [];
  // Most stays fall within one local day: the last one's day takes them without splitting.
  let today: { start: number; end: number; totals: DayTotals } | undefined;
  const dayTotals = (date: string) => {
    let day = days.get(date);
    if (!day) {
      day = { people: new Set(), watchedMs: 0 };
      days.set(date, day);
    }
    return day;
  };
  let next = sessions[0] ? visitsOfSession(db, sessions[0].id) : undefined;
  for (const [i, s] of sessions.entries()) {
    // One session at a time, the next one's visits read from D1 while this one's are merged:
    // at most two sessions' visits are held.
    const own = await next!;
    next = sessions[i + 1] ? visitsOfSession(db, sessions[i + 1]!.id) : undefined;
    // Awaited on the next round; a failure in this one must not leave it unhandled.
    next?.catch(() => undefined);
    const merged = mergeStays(own, now);
    onStays?.(s, merged);
    // Averaged over the scheduled time that has passed: a report read during the session is fair.
    const c = peopleOnly
      ? undefined
      : concurrency(merged, { from: s.startsAt, to: Math.max(s.startsAt, Math.min(s.endsAt, now)) });
    let watchedMs = 0;
    const here = new Set<string>();
    for (const stay of merged) {
      const ms = stay.to - stay.from;
      watchedMs += ms;
      here.add(stay.registrationId);
      let person = people.get(stay.registrationId);
      if (!person) {
        person = { firstArrival: stay.from, sessions: new Set(), watchedMs: 0, devices: new Set() };
        people.set(stay.registrationId, person);
      }
      person.firstArrival = Math.min(person.firstArrival, stay.from);
      person.sessions.add(s.id);
      person.watchedMs += ms;
      for (const d of stay.devices) person.devices.add(d);
      if (peopleOnly) continue;
      if (today && stay.from >= today.start && stay.to <= today.end && stay.to > stay.from) {
        today.totals.people.add(stay.registrationId);
        today.totals.watchedMs += ms;
        continue;
      }
      for (const part of localDays.split(stay.from, stay.to)) {
        const day = dayTotals(part.date);
        day.people.add(stay.registrationId);
        day.watchedMs += part.ms;
      }
      if (stay.to > stay.from) {
        // Its first day exists now (split made it); a stay of no length counts on no day.
        const d = localDays.dayAt(stay.from);
        today = { start: d.start, end: d.end, totals: dayTotals(d.date) };
      }
    }
    rows.push({
      sessionId: s.id,
      title: s.title,
      kind: s.kind,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      people: here.size,
      visits: own.length,
      stays: merged.length,
      peak: c?.peak ?? 0,
      peakAt: c?.peakAt ?? null,
      average: c ? Math.round(c.average * 100) / 100 : 0,
      watchedMs,
    });
    if (c) series.push({ sessionId: s.id, from: c.from, bucketMs: c.bucketMs, points: c.points });
  }
  const bucketMs = arrivalBucketMs(event.endsAt - event.startsAt);
  const arrivals = new Map<number, number>();
  // Buckets of an hour or less keep their alignment across a daylight saving change (whole
  // hours), so the offset at the start serves the whole event.
  const offset = zoneOffset(event.startsAt, event.timezone);
  const devices = new Map<DeviceClass, number>();
  for (const p of people.values()) {
    const at = p.firstArrival - ((((p.firstArrival + offset) % bucketMs) + bucketMs) % bucketMs);
    arrivals.set(at, (arrivals.get(at) ?? 0) + 1);
    for (const d of p.devices) devices.set(d, (devices.get(d) ?? 0) + 1);
  }
  const report: AttendanceReport = {
    eventId: event.id,
    timezone: event.timezone,
    generatedAt: now,
    registered,
    came: people.size,
    noShows: Math.max(0, registered - people.size),
    devices: DeviceClasses.filter((d) => devices.has(d)).map((device) => ({ device, people: devices.get(device)! })),
    arrivals: [...arrivals].sort((a, b) => a[0] - b[0]).map(([at, count]) => ({ at, count })),
    arrivalBucketMs: bucketMs,
    days: [...days]
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .map(([date, d]) => ({ date, people: d.people.size, watchedMs: d.watchedMs })),
    sessions: rows,
    concurrency: series,
  };
  return { report, people, sessionTitles: new Map(sessions.map((s) => [s.id, s.title])) };
}
