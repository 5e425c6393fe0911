import { and, eq, isNull, sql } from "drizzle-orm";
import type { LiveInvitations, LiveTechChecks } from "../../core/contract/live";
import type { Db } from "./client";
import { invitations, registrations, techChecks } from "./schema";

/** The control room's figures from D1: aggregates only, never rows, so a big event costs the same. */

/**
 * The first use of a personal link. Conditional, so a link opened again (another device, a
 * bookmark) writes nothing; the caller skips it altogether when the row it read is already marked.
 */
export const markLinkOpened = (db: Db, registrationId: string, now: number) =>
  db
    .update(registrations)
    .set({ linkOpenedAt: now })
    .where(and(eq(registrations.id, registrationId), isNull(registrations.linkOpenedAt)));

/**
 * Per person (not per e-mail): invited means an e-mail with a personal link was sent to them (a
 * reminder or a fresh link does not count twice); opened means one of their links has signed
 * someone in since. Waiting and failed are people with no sent e-mail yet.
 */
export async function invitationCounts(db: Db, eventId: string): Promise<LiveInvitations> {
  const sent = sql`exists (select 1 from ${invitations} i where i.registration_id = ${registrations.id} and i.state = 'sent')`;
  const pending = sql`exists (select 1 from ${invitations} i where i.registration_id = ${registrations.id} and i.state in ('queued', 'sending'))`;
  const failed = sql`exists (select 1 from ${invitations} i where i.registration_id = ${registrations.id} and i.state = 'failed')`;
  const row = await db
    .select({
      sent: sql<number>`coalesce(sum(case when ${sent} then 1 else 0 end), 0)`,
      opened: sql<number>`coalesce(sum(case when ${sent} and ${registrations.linkOpenedAt} is not null then 1 else 0 end), 0)`,
      pending: sql<number>`coalesce(sum(case when not ${sent} and ${pending} then 1 else 0 end), 0)`,
      failed: sql<number>`coalesce(sum(case when not ${sent} and not ${pending} and ${failed} then 1 else 0 end), 0)`,
    })
    .from(registrations)
    .where(eq(registrations.eventId, eventId))
    .get();
  const s = Number(row?.sent ?? 0);
  const opened = Number(row?.opened ?? 0);
  return {
    sent: s,
    opened,
    notOpened: s - opened,
    waiting: Number(row?.pending ?? 0),
    failed: Number(row?.failed ?? 0),
  };
}

/** Each person's latest tech-check verdict, counted; people who never ran one are `none`. */
export async function techCheckCounts(db: Db, eventId: string): Promise<LiveTechChecks> {
  const rows = await db
    .select({ overall: techChecks.overall, n: sql<number>`count(*)` })
    .from(registrations)
    .leftJoin(techChecks, eq(techChecks.registrationId, registrations.id))
    .where(eq(registrations.eventId, eventId))
    .groupBy(techChecks.overall)
    .all();
  const out: LiveTechChecks = { pass: 0, warn: 0, fail: 0, skipped: 0, none: 0 };
  for (const r of rows) out[r.overall ?? "none"] += Number(r.n);
  return out;
}
