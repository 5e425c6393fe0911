import { and, count, desc, eq, inArray, or, type SQL } from "drizzle-orm";
import { notFound } from "../errors";
import type { Db } from "./client";
import { events, type EventRow, type NewEventRow, registrations } from "./schema";

/** Admin routes take an event's id or its slug, whichever the organizer has at hand. */
export const findEventByIdOrSlug = (db: Db, idOrSlug: string): Promise<EventRow | undefined> =>
  db
    .select()
    .from(events)
    .where(or(eq(events.id, idOrSlug), eq(events.slug, idOrSlug)))
    .get();

export async function requireEvent(db: Db, idOrSlug: string): Promise<EventRow> {
  const event = await findEventByIdOrSlug(db, idOrSlug);
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

/** Where a caller may look: per workspace, all its events (null) or some. */
export interface EventScope {
  workspaceId: string;
  eventIds: readonly string[] | null;
}

/** The SQL condition "this event is one the caller may see"; undefined when they see none. */
export function visibleEventsWhere(visible: readonly EventScope[]): SQL | undefined {
  const whole = visible.filter((v) => v.eventIds === null).map((v) => v.workspaceId);
  const parts: SQL[] = [];
  if (whole.length > 0) parts.push(inArray(events.workspaceId, whole));
  for (const v of visible) {
    if (v.eventIds === null || v.eventIds.length === 0) continue;
    parts.push(and(eq(events.workspaceId, v.workspaceId), inArray(events.id, [...v.eventIds]))!);
  }
  return parts.length > 0 ? or(...parts) : undefined;
}

export async function listEvents(db: Db, visible: readonly EventScope[]): Promise<EventRow[]> {
  const where = visibleEventsWhere(visible);
  if (!where) return [];
  return db.select().from(events).where(where).orderBy(desc(events.startsAt)).all();
}

export const slugInUse = async (db: Db, slug: string): Promise<boolean> =>
  (await db.select({ id: events.id }).from(events).where(eq(events.slug, slug)).get()) !== undefined;

/** Awaited it runs; unawaited it goes into a `runBatch` beside its audit entry. */
export const insertEvent = (db: Db, values: NewEventRow) => db.insert(events).values(values);

export const updateEvent = (db: Db, id: string, changes: Partial<Omit<NewEventRow, "id">>) =>
  db.update(events).set(changes).where(eq(events.id, id));

/** How many registrations each of these events has (an index range per event, not a table scan). */
export async function registrationCounts(db: Db, eventIds: readonly string[]): Promise<Map<string, number>> {
  if (eventIds.length === 0) return new Map();
  const rows = await db
    .select({ eventId: registrations.eventId, n: count() })
    .from(registrations)
    .where(inArray(registrations.eventId, [...eventIds]))
    .groupBy(registrations.eventId)
    .all();
  return new Map(rows.map((r) => [r.eventId, r.n]));
}

export const registrationCount = async (db: Db, eventId: string): Promise<number> =>
  (await registrationCounts(db, [eventId])).get(eventId) ?? 0;
