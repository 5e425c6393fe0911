import { and, asc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { NetworkingSettings } from "../../core/contract/networking";
import type { Db } from "./client";
import {
  networkingContacts,
  networkingPreferences,
  networkingSettings,
  registrations,
  type NetworkingPreferencesRow,
  type RegistrationRow,
} from "./schema";

/** D1 reads and writes of networking: the directory, preferences, settings and saved contacts. */

export const findNetworkingSettings = (db: Db, eventId: string) =>
  db.select().from(networkingSettings).where(eq(networkingSettings.eventId, eventId)).get();

/** Awaited it runs; unawaited it goes into a `runBatch` beside its audit entry. */
export const saveNetworkingSettings = (db: Db, eventId: string, settings: NetworkingSettings, now: number) =>
  db
    .insert(networkingSettings)
    .values({ eventId, ...settings, updatedAt: now })
    .onConflictDoUpdate({ target: networkingSettings.eventId, set: { ...settings, updatedAt: now } });

/** The registrations, each with its networking preferences if it has any (missing ids are left out). */
export const registrationsWithPreferences = (
  db: Db,
  ids: readonly string[],
): Promise<{ r: RegistrationRow; p: NetworkingPreferencesRow | null }[]> =>
  db
    .select({ r: registrations, p: networkingPreferences })
    .from(registrations)
    .leftJoin(networkingPreferences, eq(networkingPreferences.registrationId, registrations.id))
    .where(inArray(registrations.id, [...ids]))
    .all();

export const findPreferences = (db: Db, registrationId: string): Promise<NetworkingPreferencesRow | undefined> =>
  db.select().from(networkingPreferences).where(eq(networkingPreferences.registrationId, registrationId)).get();

export async function savePreferences(db: Db, values: typeof networkingPreferences.$inferInsert): Promise<void> {
  await db
    .insert(networkingPreferences)
    .values(values)
    .onConflictDoUpdate({ target: networkingPreferences.registrationId, set: values });
}

/** A moderator takes someone out of the directory: unlisted, marked removed, their invitations choice kept. */
export async function removeFromDirectory(
  db: Db,
  values: { registrationId: string; eventId: string; searchKey: string; now: number },
): Promise<void> {
  const { now, ...rest } = values;
  await db
    .insert(networkingPreferences)
    .values({ ...rest, listed: false, removedAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: networkingPreferences.registrationId,
      set: { listed: false, removedAt: now, updatedAt: now },
    });
}

/** Saved contacts of a person, oldest first. */
export const contactsOf = (db: Db, ownerId: string): Promise<{ r: RegistrationRow; at: number }[]> =>
  db
    .select({ r: registrations, at: networkingContacts.createdAt })
    .from(networkingContacts)
    .innerJoin(registrations, eq(registrations.id, networkingContacts.contactId))
    .where(eq(networkingContacts.ownerId, ownerId))
    .orderBy(networkingContacts.createdAt)
    .all();

/** The people listed (or once listed) in an event's directory, as the search keys need them. */
export const peopleWithPreferences = (db: Db, eventId: string) =>
  db
    .select({ id: registrations.id, name: registrations.name, attributes: registrations.attributes })
    .from(networkingPreferences)
    .innerJoin(registrations, eq(registrations.id, networkingPreferences.registrationId))
    .where(eq(networkingPreferences.eventId, eventId))
    .all();

/** Statements that set these search keys, 500 to a statement (json_each keeps each one two parameters). */
export function rekeyStatements(db: Db, keys: readonly { id: string; key: string }[]) {
  const out = [];
  for (let i = 0; i < keys.length; i += 500) {
    const chunk = JSON.stringify(keys.slice(i, i + 500));
    out.push(
      db.run(sql`update networking_preferences set search_key = (select json_extract(value, '$.key') from json_each(${chunk}) where json_extract(value, '$.id') = registration_id)
          where registration_id in (select json_extract(value, '$.id') from json_each(${chunk}))`),
    );
  }
  return out;
}

/** LIKE with the query's own % and _ taken literally. */
const likeArg = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export interface DirectoryRowsQuery {
  eventId: string;
  viewerId: string;
  /** The search as typed, and folded the way search keys are. */
  search?: { raw: string; folded: string; organisationAttribute: string } | undefined;
  after?: { name: string; id: string } | undefined;
  limit: number;
}

/**
 * The listed people of an event, except the viewer, by name: `limit + 1` rows (the extra one says
 * there is a next page), each with the key it was sorted by.
 */
export function directoryRows(db: Db, query: DirectoryRowsQuery) {
  // SQLite's lower() folds ASCII only; the cursor carries the very key the database sorted by.
  const nameKey = sql`lower(${registrations.name})`;
  const conditions: (SQL | undefined)[] = [
    eq(networkingPreferences.eventId, query.eventId),
    eq(networkingPreferences.listed, true),
    sql`${registrations.id} <> ${query.viewerId}`,
    // A revoked link ends the person's access; they leave the directory with it.
    sql`${registrations.linkRevokedAt} IS NULL`,
  ];
  if (query.search) {
    const raw = likeArg(query.search.raw);
    conditions.push(
      or(
        sql`${registrations.name} LIKE ${raw} ESCAPE '\\'`,
        sql`json_extract(${registrations.attributes}, ${`$.${query.search.organisationAttribute}`}) LIKE ${raw} ESCAPE '\\'`,
        sql`${networkingPreferences.searchKey} LIKE ${likeArg(query.search.folded)} ESCAPE '\\'`,
      ),
    );
  }
  if (query.after) conditions.push(sql`(${nameKey}, ${registrations.id}) > (${query.after.name}, ${query.after.id})`);
  return db
    .select({ r: registrations, p: networkingPreferences, sortKey: sql<string>`${nameKey}` })
    .from(networkingPreferences)
    .innerJoin(registrations, eq(registrations.id, networkingPreferences.registrationId))
    .where(and(...conditions))
    .orderBy(asc(nameKey), asc(registrations.id))
    .limit(query.limit + 1)
    .all();
}

/** Awaited it runs; unawaited it goes into a batch (a new event's settings: no earlier row to replace). */
export const insertNetworkingSettings = (db: Db, eventId: string, settings: NetworkingSettings) =>
  db.insert(networkingSettings).values({ eventId, ...settings });

/** Awaited it runs; unawaited it goes into a batch (new people's preferences). */
export const insertPreferences = (db: Db, rows: readonly (typeof networkingPreferences.$inferInsert)[]) =>
  db.insert(networkingPreferences).values([...rows]);
