import { and, desc, eq, lt } from "drizzle-orm";
import type { Actor, AuditAction } from "../audit";
import type { Db } from "./client";
import { auditLog, type AuditRow } from "./schema";

/** An audit row to put in the same batch as the change it records, so neither exists alone. */
export function auditEntry(
  db: Db,
  who: Actor,
  action: AuditAction,
  what: { eventId?: string | null; target?: string | null; details?: Record<string, unknown> },
  now = Date.now(),
) {
  return db.insert(auditLog).values({
    at: now,
    actor: who.actor,
    ip: who.ip,
    action,
    eventId: what.eventId ?? null,
    target: what.target ?? null,
    details: what.details ?? {},
  });
}

/** Newest first, `limit + 1` rows (the extra one says there is a next page). */
export function listAudit(
  db: Db,
  q: { eventId?: string | undefined; beforeId?: number | undefined; limit: number },
): Promise<AuditRow[]> {
  return (
    db
      .select()
      .from(auditLog)
      // Ids only grow, so the id alone orders the log and pages it.
      .where(
        and(
          q.eventId ? eq(auditLog.eventId, q.eventId) : undefined,
          q.beforeId !== undefined ? lt(auditLog.id, q.beforeId) : undefined,
        ),
      )
      .orderBy(desc(auditLog.id))
      .limit(q.limit + 1)
      .all()
  );
}
