import { and, desc, eq, inArray, lt, lte, or, sql, type SQL } from "drizzle-orm";
import type { InvitationKind, InvitationState } from "../../core/contract/index";
import type { AttemptRecord } from "../invitations/policy";
import type { Db } from "./client";
import { events, invitations, registrations, type InvitationRow } from "./schema";

/** When each row is due, in SQL: its own time, or the event's start minus the lead time. */
export const dueSql = sql<number>`coalesce(${invitations.sendAt}, ${events.startsAt} - ${events.inviteLeadMinutes} * 60000)`;

/** Ready to send: queued and due, or stuck in `sending` past its lease (an interrupted attempt). */
const ready = (now: number) =>
  or(
    and(eq(invitations.state, "queued"), lte(dueSql, now)),
    and(eq(invitations.state, "sending"), lte(invitations.leaseUntil, now)),
  );

/**
 * Claims up to `limit` ready rows in one statement, so two senders can never claim the same row:
 * they move to `sending` with a lease and this claim's token, and the attempt is counted now, so
 * an attempt that crashes still counts.
 */
export async function claimDue(
  db: Db,
  o: { now: number; limit: number; leaseMs: number; claim: string },
): Promise<InvitationRow[]> {
  const candidates = db
    .select({ id: invitations.id })
    .from(invitations)
    .innerJoin(events, eq(events.id, invitations.eventId))
    .where(ready(o.now))
    .orderBy(dueSql, invitations.id)
    .limit(o.limit);
  return db
    .update(invitations)
    .set({
      state: "sending",
      claim: o.claim,
      leaseUntil: o.now + o.leaseMs,
      attempts: sql`${invitations.attempts} + 1`,
      updatedAt: o.now,
    })
    .where(inArray(invitations.id, candidates))
    .returning();
}

/**
 * Records an attempt's outcome, only if this claim still holds the row: a sender that comes back
 * after its lease ran out and the row was claimed again cannot overwrite the newer attempt.
 */
export async function recordAttempt(db: Db, row: InvitationRow, record: AttemptRecord, now: number): Promise<boolean> {
  const done = await db
    .update(invitations)
    .set({
      state: record.state,
      lastError: record.lastError,
      leaseUntil: null,
      claim: null,
      updatedAt: now,
      ...(record.sendAt !== undefined ? { sendAt: record.sendAt } : {}),
      ...(record.sentAt !== undefined ? { sentAt: record.sentAt } : {}),
      ...(record.providerMessageId !== undefined ? { providerMessageId: record.providerMessageId } : {}),
    })
    .where(and(eq(invitations.id, row.id), eq(invitations.state, "sending"), eq(invitations.claim, row.claim ?? "")))
    .returning({ id: invitations.id });
  return done.length === 1;
}

/** The earliest moment something needs sending (or an interrupted attempt needs taking over). */
export async function nextDueAt(db: Db): Promise<number | null> {
  const row = await db
    .select({
      at: sql<
        number | null
      >`min(case when ${invitations.state} = 'queued' then ${dueSql} else ${invitations.leaseUntil} end)`,
    })
    .from(invitations)
    .innerJoin(events, eq(events.id, invitations.eventId))
    .where(inArray(invitations.state, ["queued", "sending"]))
    .get();
  return row?.at ?? null;
}

const newInvitationId = sql`'inv_' || lower(hex(randomblob(12)))`;

/**
 * Gives every registration of the event (or just the listed ones) its automatic invitation for
 * its current link version, due at the event's lead time, unless it has one already. Revoked
 * links get none. One statement whatever the number of people.
 */
export function ensureAutoInvitations(db: Db, eventId: string, registrationIds?: readonly string[]) {
  const only = registrationIds
    ? sql`and r.id in (select value from json_each(${JSON.stringify(registrationIds)}))`
    : sql``;
  return db.run(sql`
    insert into invitations (id, event_id, registration_id, kind, link_version, state, send_at)
    select ${newInvitationId}, r.event_id, r.id, 'invitation', r.link_version, 'queued', null
    from registrations r
    where r.event_id = ${eventId} and r.link_revoked_at is null ${only}
      and not exists (
        select 1 from invitations i
        where i.registration_id = r.id and i.kind = 'invitation' and i.link_version = r.link_version
      )`);
}

/** New rows for the listed registrations at their current link version. */
export function insertInvitations(
  db: Db,
  eventId: string,
  registrationIds: readonly string[],
  kind: InvitationKind,
  sendAt: number | null,
  batchId: string | null = null,
) {
  return db.run(sql`
    insert into invitations (id, event_id, registration_id, kind, link_version, state, send_at, batch_id)
    select ${newInvitationId}, r.event_id, r.id, ${kind}, r.link_version, 'queued', ${sendAt}, ${batchId}
    from registrations r
    where r.event_id = ${eventId} and r.id in (select value from json_each(${JSON.stringify(registrationIds)}))`);
}

export function rescheduleInvitations(
  db: Db,
  invitationIds: readonly string[],
  sendAt: number | null,
  now: number,
  batchId?: string,
) {
  return db
    .update(invitations)
    .set({ sendAt, updatedAt: now, ...(batchId ? { batchId } : {}) })
    .where(
      and(
        eq(invitations.state, "queued"),
        inArray(invitations.id, sql`(select value from json_each(${JSON.stringify(invitationIds)}))`),
      ),
    );
}

/** After a link rotation, e-mails still waiting carry the new link instead of the dead one. */
export function moveQueuedToVersion(db: Db, registrationId: string, linkVersion: number, now: number) {
  return db
    .update(invitations)
    .set({ linkVersion, updatedAt: now })
    .where(and(eq(invitations.registrationId, registrationId), eq(invitations.state, "queued")));
}

/** A revoked link is never mailed: waiting e-mails fail with the reason. */
export function failQueued(db: Db, registrationId: string, reason: string, now: number) {
  return db
    .update(invitations)
    .set({ state: "failed", lastError: reason, updatedAt: now })
    .where(and(eq(invitations.registrationId, registrationId), eq(invitations.state, "queued")));
}

/** The newest automatic-or-organizer invitation per registration for its current link version. */
export async function currentInvitations(
  db: Db,
  registrationIds: readonly string[],
): Promise<Map<string, InvitationRow>> {
  const out = new Map<string, InvitationRow>();
  if (registrationIds.length === 0) return out;
  const rows = await db
    .select({ invitation: invitations })
    .from(invitations)
    .innerJoin(registrations, eq(registrations.id, invitations.registrationId))
    .where(
      and(
        inArray(invitations.registrationId, sql`(select value from json_each(${JSON.stringify(registrationIds)}))`),
        eq(invitations.kind, "invitation"),
        eq(invitations.linkVersion, registrations.linkVersion),
      ),
    )
    .orderBy(desc(invitations.createdAt), desc(invitations.id))
    .all();
  for (const { invitation } of rows)
    if (!out.has(invitation.registrationId)) out.set(invitation.registrationId, invitation);
  return out;
}

/**
 * Each registration's invitation as the organizer's list shows it: the newest automatic or
 * organizer-sent invitation (confirmations and requested links are in the invitation list).
 */
export async function latestInvitations(
  db: Db,
  registrationIds: readonly string[],
): Promise<Map<string, InvitationRow & { due: number }>> {
  const out = new Map<string, InvitationRow & { due: number }>();
  if (registrationIds.length === 0) return out;
  const rows = await db
    .select({ invitation: invitations, due: dueSql })
    .from(invitations)
    .innerJoin(events, eq(events.id, invitations.eventId))
    .where(
      and(
        inArray(invitations.registrationId, sql`(select value from json_each(${JSON.stringify(registrationIds)}))`),
        eq(invitations.kind, "invitation"),
      ),
    )
    .orderBy(desc(invitations.createdAt), desc(invitations.id))
    .all();
  for (const { invitation, due } of rows)
    if (!out.has(invitation.registrationId)) out.set(invitation.registrationId, { ...invitation, due });
  return out;
}

/**
 * Whether a personal e-mail (a confirmation or a requested fresh link) was queued for this person
 * since `since`. Failed ones do not count. The automatic invitation does not either: registering
 * again after it went out still sends a fresh link, once per cooldown.
 */
export async function recentPersonalEmail(db: Db, registrationId: string, since: number): Promise<boolean> {
  const row = await db
    .select({ id: invitations.id })
    .from(invitations)
    .where(
      and(
        eq(invitations.registrationId, registrationId),
        sql`${invitations.state} != 'failed'`,
        inArray(invitations.kind, ["confirmation", "link-request"]),
        sql`${invitations.createdAt} >= ${since}`,
      ),
    )
    .limit(1)
    .get();
  return row !== undefined;
}

export interface InvitationListQuery {
  eventId: string;
  state?: InvitationState | undefined;
  registrationId?: string | undefined;
  limit: number;
  /** Rows strictly older than this (createdAt, id). */
  before?: { createdAt: number; id: string } | undefined;
}

export async function listInvitations(db: Db, q: InvitationListQuery) {
  const filters: (SQL | undefined)[] = [
    eq(invitations.eventId, q.eventId),
    q.state ? eq(invitations.state, q.state) : undefined,
    q.registrationId ? eq(invitations.registrationId, q.registrationId) : undefined,
  ];
  const where = and(...filters);
  const page = q.before
    ? and(
        where,
        or(
          lt(invitations.createdAt, q.before.createdAt),
          and(eq(invitations.createdAt, q.before.createdAt), lt(invitations.id, q.before.id)),
        ),
      )
    : where;
  const [rows, total] = await Promise.all([
    db
      .select({ invitation: invitations, due: dueSql, name: registrations.name, email: registrations.email })
      .from(invitations)
      .innerJoin(events, eq(events.id, invitations.eventId))
      .innerJoin(registrations, eq(registrations.id, invitations.registrationId))
      .where(page)
      .orderBy(desc(invitations.createdAt), desc(invitations.id))
      .limit(q.limit + 1)
      .all(),
    db.select({ n: sql<number>`count(*)` }).from(invitations).where(where).get(),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** Ids of the person's invitation e-mails still waiting to be sent. */
export const queuedInvitationIds = async (db: Db, registrationId: string): Promise<string[]> =>
  (
    await db
      .select({ id: invitations.id })
      .from(invitations)
      .where(
        sql`${invitations.registrationId} = ${registrationId} and ${invitations.kind} = 'invitation' and ${invitations.state} = 'queued'`,
      )
      .all()
  ).map((w) => w.id);
