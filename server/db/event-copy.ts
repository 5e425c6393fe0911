import { eq } from "drizzle-orm";
import { remapIds, shiftTimes } from "../../core/rules/event-copy";
import type { Db } from "./client";
import {
  type EventRow,
  events,
  networkingSettings,
  type NewEventRow,
  preparedInteractions,
  programmeSessions,
} from "./schema";

/** What an event copy takes from the original: settings rows only, no people. */
export interface CopySource {
  event: EventRow;
  sessions: (typeof programmeSessions.$inferSelect)[];
  prepared: (typeof preparedInteractions.$inferSelect)[];
  networking: (typeof networkingSettings.$inferSelect)[];
}

export async function readCopySource(db: Db, event: EventRow): Promise<CopySource> {
  const [sessions, prepared, networking] = await Promise.all([
    db.select().from(programmeSessions).where(eq(programmeSessions.eventId, event.id)).all(),
    db.select().from(preparedInteractions).where(eq(preparedInteractions.eventId, event.id)).all(),
    db.select().from(networkingSettings).where(eq(networkingSettings.eventId, event.id)).all(),
  ]);
  return { event, sessions, prepared, networking };
}

export interface CopyPlan {
  /** The copy's event row as the route made it (new id, slug, workspace, times, texts). */
  event: NewEventRow & { id: string; startsAt: number };
  newId: (prefix: "ses" | "prep") => string;
  now: number;
}

/**
 * The statements that write the copy, for one `runBatch` (all or nothing). Rows are spread from
 * the original, so columns added to these tables later are copied too; one row a statement keeps
 * each under D1's 100 bound parameters. Returns the session id map (old → new) for the caller.
 */
export function copyStatements(db: Db, source: CopySource, plan: CopyPlan) {
  const by = plan.event.startsAt - source.event.startsAt;
  const ids = new Map(source.sessions.map((s) => [s.id, plan.newId("ses")]));
  const stamps = { createdAt: plan.now, updatedAt: plan.now };
  const statements = [
    db.insert(events).values(plan.event),
    ...source.sessions.map((s) =>
      db.insert(programmeSessions).values({
        ...shiftTimes(remapIds(s, ids), by),
        id: ids.get(s.id)!,
        eventId: plan.event.id,
        ...stamps,
      }),
    ),
    ...source.prepared
      .filter((p) => ids.has(p.sessionId))
      .map((p) =>
        db.insert(preparedInteractions).values({
          ...remapIds(p, ids),
          id: plan.newId("prep"),
          eventId: plan.event.id,
          sessionId: ids.get(p.sessionId)!,
          ...stamps,
        }),
      ),
    ...source.networking.map((n) =>
      db.insert(networkingSettings).values({ ...n, eventId: plan.event.id, updatedAt: plan.now }),
    ),
  ];
  return { statements, sessionIds: ids };
}
