import { and, asc, desc, eq, inArray, like, lt, or, sql, type SQL } from "drizzle-orm";
import type { InvitationState, AttributeValue } from "../../core/contract/index";
import type { Role } from "../../core/protocol/identity";
import { notFound } from "../errors";
import type { NewRegistrationValues, UpdatedRegistrationValues } from "../registration/import";
import type { Db } from "./client";
import type { TokenClaims } from "../tokens";
import { events, registrations, type EventRow, type NewRegistrationRow, type RegistrationRow } from "./schema";

export const findRegistration = (db: Db, id: string): Promise<RegistrationRow | undefined> =>
  db.select().from(registrations).where(eq(registrations.id, id)).get();

export const registrationsByIds = (db: Db, ids: readonly string[]): Promise<RegistrationRow[]> =>
  db
    .select()
    .from(registrations)
    .where(inArray(registrations.id, [...ids]))
    .all();

export async function requireRegistration(db: Db, eventId: string, id: string): Promise<RegistrationRow> {
  const row = await db.select().from(registrations).where(eq(registrations.id, id)).get();
  if (!row || row.eventId !== eventId) throw notFound(`Registration ${JSON.stringify(id.slice(0, 80))}`);
  return row;
}

export const findByEmail = (db: Db, eventId: string, emailNorm: string) =>
  db
    .select()
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), eq(registrations.emailNorm, emailNorm)))
    .get();

/** Existing registrations among these e-mails, by normalised e-mail. */
export async function byEmails(
  db: Db,
  eventId: string,
  emailNorms: readonly string[],
): Promise<Map<string, RegistrationRow>> {
  const out = new Map<string, RegistrationRow>();
  // json_each keeps this one statement with two parameters, however many e-mails there are.
  for (let i = 0; i < emailNorms.length; i += 1000) {
    const chunk = JSON.stringify(emailNorms.slice(i, i + 1000));
    const rows = await db
      .select()
      .from(registrations)
      .where(
        and(
          eq(registrations.eventId, eventId),
          sql`${registrations.emailNorm} in (select value from json_each(${chunk}))`,
        ),
      )
      .all();
    for (const r of rows) out.set(r.emailNorm, r);
  }
  return out;
}

/** How many people chose each session (for capacity on the registration form). */
export async function selectionCounts(
  db: Db,
  eventId: string,
  exceptRegistrationId?: string,
): Promise<Map<string, number>> {
  const rows = await db.all<{ session_id: string; n: number }>(sql`
    select s.value as session_id, count(*) as n
    from registrations r, json_each(r.selections) s
    where r.event_id = ${eventId} and r.id != ${exceptRegistrationId ?? ""}
    group by s.value`);
  return new Map(rows.map((r) => [r.session_id, r.n]));
}

/**
 * Saves a person's selections. With `seat`, only while fewer than `capacity` other people selected
 * that session: the count and the write are one statement, so two people cannot both take the
 * last place. Undefined when the session was full.
 */
export async function writeSelections(
  db: Db,
  registration: Pick<RegistrationRow, "id" | "eventId">,
  selections: string[],
  now: number,
  seat?: { sessionId: string; capacity: number },
): Promise<string[] | undefined> {
  const taken = seat
    ? sql`(select count(*) from registrations r, json_each(r.selections) s
           where r.event_id = ${registration.eventId} and r.id != ${registration.id} and s.value = ${seat.sessionId}) < ${seat.capacity}`
    : undefined;
  const [row] = await db
    .update(registrations)
    .set({ selections, updatedAt: now })
    .where(and(eq(registrations.id, registration.id), taken))
    .returning({ selections: registrations.selections });
  return row?.selections;
}

/** The invitation filter reads each person's newest invitation (as the list shows it); "none" means none yet. */
const latestState = sql<string>`coalesce((select i.state from invitations i where i.registration_id = ${registrations.id} and i.kind = 'invitation' order by i.created_at desc, i.id desc limit 1), 'none')`;

export interface RegistrationFilter {
  eventId: string;
  q?: string | undefined;
  role?: Role | undefined;
  invitation?: InvitationState | "none" | undefined;
}

export function filterSql(f: RegistrationFilter): SQL | undefined {
  const q = f.q?.trim().toLowerCase();
  return and(
    eq(registrations.eventId, f.eventId),
    // instr, not LIKE: no wildcard escaping, and D1 caps LIKE patterns at 50 bytes.
    q
      ? or(sql`instr(lower(${registrations.name}), ${q}) > 0`, sql`instr(${registrations.emailNorm}, ${q}) > 0`)
      : undefined,
    f.role ? eq(registrations.role, f.role) : undefined,
    f.invitation ? sql`${latestState} = ${f.invitation}` : undefined,
  );
}

export async function listRegistrations(
  db: Db,
  f: RegistrationFilter & { limit: number; before?: { at: number; id: string } | undefined },
) {
  const where = filterSql(f);
  const page = f.before
    ? and(
        where,
        or(
          lt(registrations.createdAt, f.before.at),
          and(eq(registrations.createdAt, f.before.at), lt(registrations.id, f.before.id)),
        ),
      )
    : where;
  const [rows, total] = await Promise.all([
    db
      .select()
      .from(registrations)
      .where(page)
      .orderBy(desc(registrations.createdAt), desc(registrations.id))
      .limit(f.limit + 1)
      .all(),
    db
      .select({
        n: sql<number>`count(*)`,
        // Whom "send invitations to these N" would reach: the schedule's own skips (sent, on its
        // way, revoked link) left out, so the button does not offer to send to people it skips.
        invitable: sql<number>`coalesce(sum(case when ${registrations.linkRevokedAt} is null and ${latestState} not in ('sent', 'sending') then 1 else 0 end), 0)`,
      })
      .from(registrations)
      .where(where)
      .get(),
  ]);
  return { rows, total: total?.n ?? 0, invitable: total?.invitable ?? 0 };
}

export const matchingIds = async (db: Db, f: RegistrationFilter): Promise<string[]> =>
  (await db.select({ id: registrations.id }).from(registrations).where(filterSql(f)).all()).map((r) => r.id);

type Json = string;
const j = (v: AttributeValue | Record<string, AttributeValue> | string[]): Json => JSON.stringify(v);

/**
 * Bulk writes are a few statements over a JSON parameter (D1 allows 100 bound parameters per
 * statement, and a batch of thousands of one-row statements is slow), 500 rows per statement so
 * each parameter stays well under D1's 2 MB value limit. Put them in one `runBatch` so an import
 * applies whole or not at all.
 */
function jsonChunks(rows: readonly (UpdatedRegistrationValues & { id: string })[]): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    chunks.push(
      JSON.stringify(
        rows.slice(i, i + 500).map((r) => ({ ...r, attributes: j(r.attributes), selections: j(r.selections) })),
      ),
    );
  }
  return chunks;
}

export const insertRegistrationsSql = (
  db: Db,
  eventId: string,
  rows: readonly (NewRegistrationValues & { id: string })[],
  now: number,
) =>
  jsonChunks(rows).map((chunk) =>
    db.run(sql`
      insert into registrations (id, event_id, email, email_norm, name, language, role, attributes, selections, created_at, updated_at)
      select json_extract(value, '$.id'), ${eventId}, json_extract(value, '$.email'), json_extract(value, '$.emailNorm'),
             json_extract(value, '$.name'), json_extract(value, '$.language'), json_extract(value, '$.role'),
             json_extract(value, '$.attributes'), json_extract(value, '$.selections'), ${now}, ${now}
      from json_each(${chunk})`),
  );

export const updateRegistrationsSql = (
  db: Db,
  rows: readonly (UpdatedRegistrationValues & { id: string })[],
  now: number,
) =>
  jsonChunks(rows).map((chunk) =>
    db.run(sql`
      update registrations
      set email = u.email, name = u.name, language = u.language, role = u.role,
          attributes = u.attributes, selections = u.selections, updated_at = ${now}
      from (
        select json_extract(value, '$.id') as id, json_extract(value, '$.email') as email, json_extract(value, '$.name') as name,
               json_extract(value, '$.language') as language, json_extract(value, '$.role') as role,
               json_extract(value, '$.attributes') as attributes, json_extract(value, '$.selections') as selections
        from json_each(${chunk})
      ) as u
      where registrations.id = u.id`),
  );

export type ClaimsCheck =
  | { ok: true; registration: RegistrationRow; event: EventRow }
  /** The registration or its event is gone, or the token was for another event. */
  | { ok: false; reason: "gone"; event?: EventRow }
  /** The organizer revoked the link or replaced it with a newer version. */
  | { ok: false; reason: "revoked"; event: EventRow };

/** Whether an authentic token's claims still name a live link of a live registration. */
export async function checkClaims(db: Db, claims: TokenClaims): Promise<ClaimsCheck> {
  const registration = await db.select().from(registrations).where(eq(registrations.id, claims.registrationId)).get();
  const event = registration && (await db.select().from(events).where(eq(events.id, registration.eventId)).get());
  if (!registration || !event || registration.eventId !== claims.eventId) return { ok: false, reason: "gone" };
  if (registration.linkRevokedAt !== null || registration.linkVersion !== claims.linkVersion)
    return { ok: false, reason: "revoked", event };
  return { ok: true, registration, event };
}

/** Every registration of an event, oldest first (the CSV export). */
export const registrationsOfEvent = (db: Db, eventId: string): Promise<RegistrationRow[]> =>
  db
    .select()
    .from(registrations)
    .where(eq(registrations.eventId, eventId))
    .orderBy(asc(registrations.createdAt), asc(registrations.id))
    .all();

/** Awaited it runs; unawaited it goes into a `runBatch` beside its audit entry. */
export const insertRegistration = (db: Db, values: NewRegistrationRow) => db.insert(registrations).values(values);

/** Awaited it runs; unawaited it goes into a `runBatch` beside its audit entry. */
export const updateRegistration = (db: Db, id: string, changes: Partial<Omit<NewRegistrationRow, "id" | "eventId">>) =>
  db.update(registrations).set(changes).where(eq(registrations.id, id));

/** Updates a registration and returns it as stored. */
export async function updateRegistrationReturning(
  db: Db,
  id: string,
  changes: Partial<Omit<NewRegistrationRow, "id" | "eventId">>,
): Promise<RegistrationRow> {
  const [row] = (await db.update(registrations).set(changes).where(eq(registrations.id, id)).returning()) as [
    RegistrationRow,
  ];
  return row;
}

/**
 * Inserts a registration, or, when the event already has one for that e-mail (a simultaneous
 * first registration won the unique index), applies `onConflict` to it; returns the stored row.
 */
export async function insertOrUpdateRegistration(
  db: Db,
  values: NewRegistrationRow,
  onConflict: Partial<Omit<NewRegistrationRow, "id" | "eventId">>,
): Promise<RegistrationRow> {
  const [row] = (await db
    .insert(registrations)
    .values(values)
    .onConflictDoUpdate({ target: [registrations.eventId, registrations.emailNorm], set: onConflict })
    .returning()) as [RegistrationRow];
  return row;
}

/**
 * A new registration, only while the event has fewer than `capacity`: the count and the insert are
 * one statement, so two people cannot both take the last place. Undefined when the event is full
 * or when the address registered at the same instant (the caller looks it up again).
 */
export async function insertWithinCapacity(
  db: Db,
  values: NewRegistrationRow & { createdAt: number; updatedAt: number },
  capacity: number,
): Promise<RegistrationRow | undefined> {
  const [row] = (await db.all(sql`
    insert into registrations (id, event_id, email, email_norm, name, language, attributes, selections, created_at, updated_at)
    select ${values.id}, ${values.eventId}, ${values.email}, ${values.emailNorm}, ${values.name}, ${values.language ?? "en"},
           ${JSON.stringify(values.attributes ?? {})}, ${JSON.stringify(values.selections ?? [])}, ${values.createdAt}, ${values.updatedAt}
    where (select count(*) from registrations where event_id = ${values.eventId}) < ${capacity}
    on conflict (event_id, email_norm) do nothing
    returning id`)) as { id: string }[];
  return row ? db.select().from(registrations).where(eq(registrations.id, row.id)).get() : undefined;
}

/** Which of these registrations have a revoked link (one statement, however many ids). */
export const revokedAmong = async (db: Db, ids: readonly string[]): Promise<string[]> =>
  (
    await db
      .select({ id: registrations.id })
      .from(registrations)
      .where(
        sql`${registrations.id} in (select value from json_each(${JSON.stringify(ids)})) and ${registrations.linkRevokedAt} is not null`,
      )
      .all()
  ).map((r) => r.id);

/** Awaited it runs; unawaited it goes into a batch. Several rows: mind D1's 100 bound parameters a statement. */
export const insertRegistrations = (
  db: Db,
  rows: readonly NewRegistrationRow[],
  o: { ignoreDuplicates?: boolean } = {},
) => {
  const insert = db.insert(registrations).values([...rows]);
  return o.ignoreDuplicates ? insert.onConflictDoNothing() : insert;
};

/** An event's registrations whose e-mail is at this domain (the demo's crowd). */
export const registrationsAtDomain = (db: Db, eventId: string, domain: string): Promise<RegistrationRow[]> =>
  db
    .select()
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), like(registrations.email, `%@${domain}`)))
    .all();

/** Every registration of an event, in no particular order. */
export const registrationsIn = (db: Db, eventId: string): Promise<RegistrationRow[]> =>
  db.select().from(registrations).where(eq(registrations.eventId, eventId)).all();
