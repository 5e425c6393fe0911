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
import { registrationCount, reportSessions, type VisitTuple, visitsOfEvent } from "../db/report-queries";
import type { EventRow } from "../db/schema";

export type SessionStay = Stay & { sessionId: string };

export interface PersonAttendance {
  firstArrival: number;
  sessions: Set<string>;
  watchedMs: number;
  devices: Set<DeviceClass>;
}

export interface Attendance {
  report: AttendanceReport;
  stays: SessionStay[];
  people: Map<string, PersonAttendance>;
  sessionTitles: Map<string, string>;
}

/** Splits visits (ordered by session) into one run per session without copying more than once. */
function bySession(visits: readonly VisitTuple[]): Map<string, VisitTuple[]> {
  const out = new Map<string, VisitTuple[]>();
  for (const v of visits) {
    const list = out.get(v.sessionId);
    if (list) list.push(v);
    else out.set(v.sessionId, [v]);
  }
  return out;
}

/**
 * The event's attendance in one pass over its visits: stays per session (reconnects and second
 * devices merged), each session's concurrency, then per person and per local day. `now` closes
 * visits still open, so the report also works while the event runs.
 */
export async function attendanceOf(db: Db, event: EventRow, now: number): Promise<Attendance> {
  const [sessions, visits, registered] = await Promise.all([
    reportSessions(db, event.id),
    visitsOfEvent(db, event.id),
    registrationCount(db, event.id),
  ]);
  const grouped = bySession(visits);
  const stays: SessionStay[] = [];
  const people = new Map<string, PersonAttendance>();
  const days = new Map<string, { people: Set<string>; watchedMs: number }>();
  const rows: SessionAttendance[] = [];
  const localDays = new LocalDays(event.timezone);
  const series: AttendanceReport["concurrency"] = [];
  for (const s of sessions) {
    const own = grouped.get(s.id) ?? [];
    const merged = mergeStays(own, now);
    // Averaged over the scheduled time that has passed: a report read during the session is fair.
    const c = concurrency(merged, { from: s.startsAt, to: Math.max(s.startsAt, Math.min(s.endsAt, now)) });
    let watchedMs = 0;
    const here = new Set<string>();
    for (const stay of merged) {
      stays.push({ ...stay, sessionId: s.id });
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
      for (const part of localDays.split(stay.from, stay.to)) {
        let day = days.get(part.date);
        if (!day) {
          day = { people: new Set(), watchedMs: 0 };
          days.set(part.date, day);
        }
        day.people.add(stay.registrationId);
        day.watchedMs += part.ms;
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
      peak: c.peak,
      peakAt: c.peakAt,
      average: Math.round(c.average * 100) / 100,
      watchedMs,
    });
    series.push({ sessionId: s.id, from: c.from, bucketMs: c.bucketMs, points: c.points });
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
  return { report, stays, people, sessionTitles: new Map(sessions.map((s) => [s.id, s.title])) };
}
