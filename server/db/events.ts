import { desc, eq, inArray, or } from "drizzle-orm";
import { notFound } from "../errors";
import type { Db } from "./client";
import { events, type EventRow, type NewEventRow } from "./schema";

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

export const findEvent = (db: Db, id: string): Promise<EventRow | undefined> =>
  db.select().from(events).where(eq(events.id, id)).get();

export const findEventBySlug = (db: Db, slug: string): Promise<EventRow | undefined> =>
  db.select().from(events).where(eq(events.slug, slug)).get();

export const eventsByIds = (db: Db, ids: readonly string[]): Promise<EventRow[]> =>
  db
    .select()
    .from(events)
    .where(inArray(events.id, [...ids]))
    .all();

export const listEvents = (db: Db): Promise<EventRow[]> =>
  db.select().from(events).orderBy(desc(events.startsAt)).all();

export const slugInUse = async (db: Db, slug: string): Promise<boolean> =>
  (await db.select({ id: events.id }).from(events).where(eq(events.slug, slug)).get()) !== undefined;

/** Awaited it runs; unawaited it goes into a `runBatch` beside its audit entry. */
export const insertEvent = (db: Db, values: NewEventRow) => db.insert(events).values(values);

export const updateEvent = (db: Db, id: string, changes: Partial<Omit<NewEventRow, "id">>) =>
  db.update(events).set(changes).where(eq(events.id, id));
