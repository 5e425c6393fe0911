import { and, asc, count, countDistinct, eq, inArray, notExists, sql } from "drizzle-orm";
import type { ActivityKind } from "../../core/contract/reports";
import type { DeviceClass } from "../../core/protocol/hello";
import type { Db } from "./client";
import {
  interactionResults,
  programmeSessions,
  questionResults,
  registrations,
  sessionActivity,
  sessionAttendance,
} from "./schema";
import { networkingContacts } from "./schema-networking";

/**
 * The reads behind an event's reports. Each is one statement over an index: the event's sessions
 * by `programme_sessions_event_start`, their visits by `session_attendance_stays` (covering, in
 * merge order), no-shows by `session_attendance_registration`.
 */

const sessionsOf = (db: Db, eventId: string) =>
  db.select({ id: programmeSessions.id }).from(programmeSessions).where(eq(programmeSessions.eventId, eventId));

export const reportSessions = (db: Db, eventId: string) =>
  db
    .select({
      id: programmeSessions.id,
      title: programmeSessions.title,
      kind: programmeSessions.kind,
      startsAt: programmeSessions.startsAt,
      endsAt: programmeSessions.endsAt,
    })
    .from(programmeSessions)
    .where(eq(programmeSessions.eventId, eventId))
    .orderBy(asc(programmeSessions.startsAt), asc(programmeSessions.id))
    .all();

export interface VisitTuple {
  registrationId: string;
  device: DeviceClass;
  joinedAt: number;
  leftAt: number | null;
}

/**
 * One session's visits, person by person in time order (the covering index's order). Read one
 * session at a time: a whole big event at once (200,000 rows) does not fit an isolate's memory
 * alongside what is computed from it.
 */
export async function visitsOfSession(db: Db, sessionId: string): Promise<VisitTuple[]> {
  // One row per person, their visits packed into one text ("device,joined,left;…"): D1 answers
  // a row at a cost, and a session's 100,000 visits as rows were most of a report's time; a few
  // visits of one person stay far below D1's limit on a value's size.
  const rows = await db.values<[string, string]>(sql`
    SELECT registration_id, group_concat(device || ',' || joined_at || ',' || ifnull(left_at, ''), ';')
    FROM (
      SELECT ${sessionAttendance.registrationId} AS registration_id, ${sessionAttendance.device} AS device,
        ${sessionAttendance.joinedAt} AS joined_at, ${sessionAttendance.leftAt} AS left_at
      FROM ${sessionAttendance}
      WHERE ${sessionAttendance.sessionId} = ${sessionId}
      ORDER BY registration_id, joined_at, left_at, device
    )
    GROUP BY registration_id
    ORDER BY registration_id`);
  const visits: VisitTuple[] = [];
  for (const [registrationId, packed] of rows)
    for (const visit of packed.split(";")) {
      const [device, joinedAt, leftAt] = visit.split(",");
      visits.push({
        registrationId,
        device: device as DeviceClass,
        joinedAt: Number(joinedAt),
        leftAt: leftAt ? Number(leftAt) : null,
      });
    }
  return visits;
}

/**
 * People per session (registrations with at least one visit), counted from the covering index:
 * the engagement report needs only these, not the stays.
 */
export const headcountsOf = (db: Db, eventId: string) =>
  db
    .select({ sessionId: sessionAttendance.sessionId, people: countDistinct(sessionAttendance.registrationId) })
    .from(sessionAttendance)
    .where(inArray(sessionAttendance.sessionId, sessionsOf(db, eventId)))
    .groupBy(sessionAttendance.sessionId)
    .all();

export async function registrationCount(db: Db, eventId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(registrations).where(eq(registrations.eventId, eventId));
  return row?.n ?? 0;
}

/** Who registered, for names in the per-person tables. */
export const peopleOfEvent = (db: Db, eventId: string) =>
  db
    .select({
      id: registrations.id,
      name: registrations.name,
      email: registrations.email,
      role: registrations.role,
      createdAt: registrations.createdAt,
    })
    .from(registrations)
    .where(eq(registrations.eventId, eventId))
    .all();

const noShowWhere = (db: Db, eventId: string) =>
  and(
    eq(registrations.eventId, eventId),
    notExists(
      db.select({ one: sql`1` }).from(sessionAttendance).where(eq(sessionAttendance.registrationId, registrations.id)),
    ),
  );

/** Registrations with no visit to any session, by name; `limit` null for all. */
export async function noShowsOf(db: Db, eventId: string, limit: number | null) {
  const query = db
    .select({
      registrationId: registrations.id,
      name: registrations.name,
      email: registrations.email,
      role: registrations.role,
      registeredAt: registrations.createdAt,
    })
    .from(registrations)
    .where(noShowWhere(db, eventId))
    .orderBy(asc(registrations.name), asc(registrations.id));
  const [items, [total]] = await Promise.all([
    limit === null ? query.all() : query.limit(limit).all(),
    db.select({ n: count() }).from(registrations).where(noShowWhere(db, eventId)),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** Activity totals per session and person (the objects' running counts). */
export const activityOfEvent = (db: Db, eventId: string) =>
  db
    .select({
      sessionId: sessionActivity.sessionId,
      registrationId: sessionActivity.registrationId,
      kind: sessionActivity.kind,
      count: sessionActivity.count,
    })
    .from(sessionActivity)
    .where(inArray(sessionActivity.sessionId, sessionsOf(db, eventId)))
    .all() as Promise<{ sessionId: string; registrationId: string; kind: ActivityKind; count: number }[]>;

export const resultsOfEvent = (db: Db, eventId: string) =>
  db
    .select()
    .from(interactionResults)
    .where(inArray(interactionResults.sessionId, sessionsOf(db, eventId)))
    .orderBy(asc(interactionResults.closedAt), asc(interactionResults.interactionId))
    .all();

export const questionsOfEvent = (db: Db, eventId: string) =>
  db
    .select()
    .from(questionResults)
    .where(inArray(questionResults.sessionId, sessionsOf(db, eventId)))
    .orderBy(asc(questionResults.askedAt), asc(questionResults.questionId))
    .all();

/** Contacts exchanged in the event's carousel sessions (one row per direction), per session. */
export const contactsOfEvent = (db: Db, eventId: string) =>
  db
    .select({ sessionId: networkingContacts.sessionId, rows: count() })
    .from(networkingContacts)
    .where(inArray(networkingContacts.sessionId, sessionsOf(db, eventId)))
    .groupBy(networkingContacts.sessionId)
    .all();
