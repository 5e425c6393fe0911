import { and, desc, eq, inArray, lt, or, sql } from "drizzle-orm";
import type { Db } from "./client";
import { type EventScope, visibleEventsWhere } from "./events";
import { events, outbox, type OutboxRow } from "./schema";

/** The local e-mail provider's outbox: written by the provider, read by the admin API. */

/**
 * Stores a message once per message key (a send repeated after a crash finds the first row) and
 * returns the stored row's id.
 */
export async function storeOutboxMessage(db: Db, row: OutboxRow): Promise<string | undefined> {
  await db.insert(outbox).values(row).onConflictDoNothing({ target: outbox.messageKey });
  const stored = await db.select({ id: outbox.id }).from(outbox).where(eq(outbox.messageKey, row.messageKey)).get();
  return stored?.id;
}

export interface OutboxQuery {
  /** The events whose e-mails the caller may read. */
  visible: readonly EventScope[];
  /** Workspaces whose organizer e-mails (member invitations) the caller may read. */
  workspaces: readonly string[];
  eventId?: string | undefined;
  to?: string | undefined;
  before?: { at: number; id: string } | undefined;
  limit: number;
}

/** Newest first, `limit + 1` rows (the extra one says there is a next page), and how many match in all. */
export async function listOutbox(db: Db, q: OutboxQuery): Promise<{ rows: OutboxRow[]; total: number }> {
  const eventsSeen = visibleEventsWhere(q.visible);
  const seen = or(
    eventsSeen ? inArray(outbox.eventId, db.select({ id: events.id }).from(events).where(eventsSeen)) : undefined,
    q.workspaces.length > 0 ? inArray(outbox.workspaceId, [...q.workspaces]) : undefined,
  );
  if (!seen) return { rows: [], total: 0 };
  const where = and(
    seen,
    q.eventId ? eq(outbox.eventId, q.eventId) : undefined,
    q.to ? sql`lower(${outbox.toAddress}) = ${q.to.trim().toLowerCase()}` : undefined,
  );
  const page = q.before
    ? and(
        where,
        or(lt(outbox.createdAt, q.before.at), and(eq(outbox.createdAt, q.before.at), lt(outbox.id, q.before.id))),
      )
    : where;
  const [rows, total] = await Promise.all([
    db
      .select()
      .from(outbox)
      .where(page)
      .orderBy(desc(outbox.createdAt), desc(outbox.id))
      .limit(q.limit + 1)
      .all(),
    db.select({ n: sql<number>`count(*)` }).from(outbox).where(where).get(),
  ]);
  return { rows, total: total?.n ?? 0 };
}
