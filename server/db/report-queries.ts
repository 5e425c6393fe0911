import { and, asc, count, eq, inArray, notExists, sql } from "drizzle-orm";
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
  // Arrays, not objects, from D1: at 100,000 rows the row objects are most of the cost.
  const rows = await db
    .select({
      registrationId: sessionAttendance.registrationId,
      device: sessionAttendance.device,
      joinedAt: sessionAttendance.joinedAt,
      leftAt: sessionAttendance.leftAt,
    })
    .from(sessionAttendance)
    .where(eq(sessionAttendance.sessionId, sessionId))
    .orderBy(asc(sessionAttendance.registrationId), asc(sessionAttendance.joinedAt))
    .values();
  return rows.map(([registrationId, device, joinedAt, leftAt]) => ({
    registrationId: registrationId as string,
    device: device as DeviceClass,
    joinedAt: joinedAt as number,
    leftAt: leftAt as number | null,
  }));
}

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
