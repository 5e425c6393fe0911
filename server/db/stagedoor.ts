import { and, asc, eq, inArray } from "drizzle-orm";
import type { AttributeValue, TechCheckVerdict } from "../../core/contract/index";
import type { Db } from "./client";
import { matrixConsents, programmeSessions, registrations, techChecks } from "./schema";

/** D1 reads and writes of the stage door, shared by the worker's routes and the session objects. */

/** The stage's stream room: the first stream-room session whose parent is the stage. */
export async function streamRoomOf(db: Db, stageId: string): Promise<string | null> {
  const row = await db
    .select({ id: programmeSessions.id })
    .from(programmeSessions)
    .where(and(eq(programmeSessions.parentSessionId, stageId), eq(programmeSessions.kind, "stream-room")))
    .orderBy(asc(programmeSessions.startsAt), asc(programmeSessions.id))
    .get();
  return row?.id ?? null;
}

export async function techCheckOf(db: Db, registrationId: string): Promise<TechCheckVerdict | null> {
  const row = await db
    .select({ overall: techChecks.overall })
    .from(techChecks)
    .where(eq(techChecks.registrationId, registrationId))
    .get();
  return row?.overall ?? null;
}

export async function matrixConsentOf(db: Db, registrationId: string): Promise<boolean> {
  const row = await db
    .select({ optedIn: matrixConsents.optedIn })
    .from(matrixConsents)
    .where(eq(matrixConsents.registrationId, registrationId))
    .get();
  return row?.optedIn ?? false;
}

/** Records a person's matrix consent (the registration says which event it belongs to). */
export async function saveMatrixConsent(db: Db, registrationId: string, optIn: boolean, now: number): Promise<void> {
  const reg = await db
    .select({ eventId: registrations.eventId })
    .from(registrations)
    .where(eq(registrations.id, registrationId))
    .get();
  if (!reg) throw new Error(`no registration ${registrationId}`);
  await db
    .insert(matrixConsents)
    .values({ registrationId, eventId: reg.eventId, optedIn: optIn, updatedAt: now })
    .onConflictDoUpdate({ target: matrixConsents.registrationId, set: { optedIn: optIn, updatedAt: now } });
}

/** Everyone in the event who opted in, with their attributes (one indexed query, whatever the crowd). */
export async function consentedPeople(db: Db, eventId: string): Promise<Map<string, Record<string, AttributeValue>>> {
  const rows = await db
    .select({ id: registrations.id, attributes: registrations.attributes })
    .from(matrixConsents)
    .innerJoin(registrations, eq(registrations.id, matrixConsents.registrationId))
    .where(and(eq(matrixConsents.eventId, eventId), eq(matrixConsents.optedIn, true)))
    .all();
  return new Map(rows.map((r) => [r.id, r.attributes]));
}

export async function eventOfSession(db: Db, sessionId: string): Promise<string | null> {
  const row = await db
    .select({ eventId: programmeSessions.eventId })
    .from(programmeSessions)
    .where(eq(programmeSessions.id, sessionId))
    .get();
  return row?.eventId ?? null;
}

/** Which of `ids` are sessions of the event (the matrix takes people only from its own event). */
export async function sessionsOfEvent(db: Db, eventId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: programmeSessions.id })
    .from(programmeSessions)
    .where(and(eq(programmeSessions.eventId, eventId), inArray(programmeSessions.id, [...ids])))
    .all();
  return new Set(rows.map((r) => r.id));
}
