import { eq } from "drizzle-orm";
import type { Db } from "./client";
import { eventLogos, events, type StoredBranding } from "./schema";

/** D1 reads and writes of an event's branding. Unawaited, each goes into a `runBatch` beside its audit entry. */

export const saveBranding = (db: Db, eventId: string, branding: StoredBranding, now: number) =>
  db.update(events).set({ branding, updatedAt: now }).where(eq(events.id, eventId));

export const saveLogo = (db: Db, values: typeof eventLogos.$inferInsert) =>
  db.insert(eventLogos).values(values).onConflictDoUpdate({ target: eventLogos.eventId, set: values });

export const deleteLogo = (db: Db, eventId: string) => db.delete(eventLogos).where(eq(eventLogos.eventId, eventId));

export const findLogo = (db: Db, eventId: string) =>
  db.select().from(eventLogos).where(eq(eventLogos.eventId, eventId)).get();
