import { and, desc, eq, inArray, lt, or, type SQL, sql } from "drizzle-orm";
import type { Actor, AuditAction } from "../audit";
import type { Db } from "./client";
import { auditLog, type AuditRow, events } from "./schema";

/**
 * An audit row to put in the same batch as the change it records, so neither exists alone. The
 * workspace is the one given, or else the event's (read in the statement, so an event created
 * earlier in the same batch is found).
 */
export function auditEntry(
  db: Db,
  who: Actor,
  action: AuditAction,
  what: {
    eventId?: string | null;
    workspaceId?: string | null;
    target?: string | null;
    details?: Record<string, unknown>;
  },
  now = Date.now(),
) {
  const eventId = what.eventId ?? null;
  return db.insert(auditLog).values({
    at: now,
    actor: who.actor,
    ip: who.ip,
    personId: who.personId,
    tokenId: who.tokenId,
    workspaceId:
      what.workspaceId ??
      (eventId ? sql`(SELECT ${events.workspaceId} FROM ${events} WHERE ${events.id} = ${eventId})` : null),
    action,
    eventId,
    target: what.target ?? null,
    details: what.details ?? {},
  });
}

/** What the caller may read: per workspace, everything or the entries of some events. */
export interface AuditScope {
  workspaceId: string;
  eventIds: readonly string[] | null;
}

/** Newest first, `limit + 1` rows (the extra one says there is a next page). */
export function listAudit(
  db: Db,
  q: {
    visible: readonly AuditScope[];
    workspaceId?: string | undefined;
    personId?: string | undefined;
    eventId?: string | undefined;
    beforeId?: number | undefined;
    limit: number;
  },
): Promise<AuditRow[]> {
  if (q.visible.length === 0) return Promise.resolve([]);
  const whole = q.visible.filter((v) => v.eventIds === null).map((v) => v.workspaceId);
  const parts: SQL[] = [];
  if (whole.length > 0) parts.push(inArray(auditLog.workspaceId, whole));
  for (const v of q.visible) {
    if (v.eventIds === null || v.eventIds.length === 0) continue;
    parts.push(and(eq(auditLog.workspaceId, v.workspaceId), inArray(auditLog.eventId, [...v.eventIds]))!);
  }
  if (parts.length === 0) return Promise.resolve([]);
  return (
    db
      .select()
      .from(auditLog)
      // Ids only grow, so the id alone orders the log and pages it.
      .where(
        and(
          or(...parts),
          q.workspaceId ? eq(auditLog.workspaceId, q.workspaceId) : undefined,
          q.personId ? eq(auditLog.personId, q.personId) : undefined,
          q.eventId ? eq(auditLog.eventId, q.eventId) : undefined,
          q.beforeId !== undefined ? lt(auditLog.id, q.beforeId) : undefined,
        ),
      )
      .orderBy(desc(auditLog.id))
      .limit(q.limit + 1)
      .all()
  );
}
