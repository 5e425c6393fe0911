import { asc, eq, inArray, sql } from "drizzle-orm";
import { notFound } from "../errors";
import type { Db } from "./client";
import { programmeSessions, type NewProgrammeSessionRow, type ProgrammeSessionRow } from "./schema";

/** Programme sessions: the organizer's programme, read by the worker and the session objects. */

export const sessionsOf = (db: Db, eventId: string): Promise<ProgrammeSessionRow[]> =>
  db
    .select()
    .from(programmeSessions)
    .where(eq(programmeSessions.eventId, eventId))
    .orderBy(asc(programmeSessions.startsAt), asc(programmeSessions.id))
    .all();

export const sessionsOfEvents = (db: Db, eventIds: readonly string[]): Promise<ProgrammeSessionRow[]> =>
  db
    .select()
    .from(programmeSessions)
    .where(inArray(programmeSessions.eventId, [...eventIds]))
    .all();

export const findSession = (db: Db, sessionId: string): Promise<ProgrammeSessionRow | undefined> =>
  db.select().from(programmeSessions).where(eq(programmeSessions.id, sessionId)).get();

export async function requireSession(db: Db, eventId: string, sessionId: string): Promise<ProgrammeSessionRow> {
  const session = await findSession(db, sessionId);
  if (!session || session.eventId !== eventId) throw notFound(`Session ${JSON.stringify(sessionId.slice(0, 80))}`);
  return session;
}

/** Awaited it runs; unawaited it goes into a `runBatch` beside its audit entry. */
export const insertSession = (db: Db, values: NewProgrammeSessionRow) => db.insert(programmeSessions).values(values);

export const updateSession = (db: Db, id: string, changes: Partial<Omit<NewProgrammeSessionRow, "id" | "eventId">>) =>
  db.update(programmeSessions).set(changes).where(eq(programmeSessions.id, id));

/** The session's kind as stored (the object checks it against the kinds it knows), if the session exists. */
export async function sessionKindOf(db: Db, sessionId: string): Promise<string | undefined> {
  const row = await db
    .select({ kind: programmeSessions.kind })
    .from(programmeSessions)
    .where(eq(programmeSessions.id, sessionId))
    .get();
  return row?.kind;
}

/** The stage's own HLS URL, which overrides the provider's video. */
export async function streamUrlOf(db: Db, sessionId: string): Promise<string | null> {
  const row = await db
    .select({ streamUrl: programmeSessions.streamUrl })
    .from(programmeSessions)
    .where(eq(programmeSessions.id, sessionId))
    .get();
  return row?.streamUrl ?? null;
}

/** Whether both sessions exist and belong to one event (one indexed read, whatever the event's size). */
export async function inSameEvent(db: Db, a: string, b: string): Promise<boolean> {
  const row = await db
    .select({ found: sql<number>`count(*)`, events: sql<number>`count(distinct ${programmeSessions.eventId})` })
    .from(programmeSessions)
    .where(inArray(programmeSessions.id, [a, b]))
    .get();
  return row?.found === 2 && row.events === 1;
}

/** Awaited it runs; unawaited it goes into a batch. */
export const insertSessions = (db: Db, rows: readonly NewProgrammeSessionRow[]) =>
  db.insert(programmeSessions).values([...rows]);

/** The same change to several sessions. */
export const updateSessions = (
  db: Db,
  ids: readonly string[],
  changes: Partial<Omit<NewProgrammeSessionRow, "id" | "eventId">>,
) =>
  db
    .update(programmeSessions)
    .set(changes)
    .where(inArray(programmeSessions.id, [...ids]));
