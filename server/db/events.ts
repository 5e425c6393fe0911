import { asc, desc, eq, or } from "drizzle-orm";
import { notFound } from "../errors";
import type { Db } from "./client";
import { events, programmeSessions, type EventRow, type ProgrammeSessionRow } from "./schema";

/** Admin routes take an event's id or its slug, whichever the organizer has at hand. */
export async function requireEvent(db: Db, idOrSlug: string): Promise<EventRow> {
  const event = await db
    .select()
    .from(events)
    .where(or(eq(events.id, idOrSlug), eq(events.slug, idOrSlug)))
    .get();
  if (!event) throw notFound(`Event ${JSON.stringify(idOrSlug.slice(0, 80))}`);
  return event;
}

export const findEventBySlug = (db: Db, slug: string) => db.select().from(events).where(eq(events.slug, slug)).get();

export const listEvents = (db: Db) => db.select().from(events).orderBy(desc(events.startsAt)).all();

export const sessionsOf = (db: Db, eventId: string): Promise<ProgrammeSessionRow[]> =>
  db.select().from(programmeSessions).where(eq(programmeSessions.eventId, eventId)).orderBy(asc(programmeSessions.startsAt), asc(programmeSessions.id)).all();

export async function requireSession(db: Db, eventId: string, sessionId: string): Promise<ProgrammeSessionRow> {
  const session = await db.select().from(programmeSessions).where(eq(programmeSessions.id, sessionId)).get();
  if (!session || session.eventId !== eventId) throw notFound(`Session ${JSON.stringify(sessionId.slice(0, 80))}`);
  return session;
}
