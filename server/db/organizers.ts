import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { OrganizerRole } from "../../core/contract/organizers";
import type { Db } from "./client";
import {
  events,
  type EventRow,
  memberships,
  type MembershipRow,
  organizers,
  type OrganizerRow,
  workspaces,
  type WorkspaceRow,
} from "./schema";

/** Workspaces, the people in them and their memberships. */

export const normaliseOrganizerEmail = (email: string) => email.trim().toLowerCase();

export const findWorkspace = (db: Db, id: string): Promise<WorkspaceRow | undefined> =>
  db.select().from(workspaces).where(eq(workspaces.id, id)).get();

export const findWorkspaceByName = (db: Db, name: string): Promise<WorkspaceRow | undefined> =>
  db.select().from(workspaces).where(eq(workspaces.name, name)).get();

export const workspacesByIds = (db: Db, ids: readonly string[]): Promise<WorkspaceRow[]> =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .select()
        .from(workspaces)
        .where(inArray(workspaces.id, [...ids]))
        .orderBy(asc(workspaces.name))
        .all();

export const insertWorkspace = (db: Db, row: { id: string; name: string; createdAt: number }) =>
  db.insert(workspaces).values(row);

export const findOrganizer = (db: Db, id: string): Promise<OrganizerRow | undefined> =>
  db.select().from(organizers).where(eq(organizers.id, id)).get();

export const findOrganizerByEmail = (db: Db, email: string): Promise<OrganizerRow | undefined> =>
  db
    .select()
    .from(organizers)
    .where(eq(organizers.email, normaliseOrganizerEmail(email)))
    .get();

/** Inserts the person unless the address is known already (then nothing changes). */
export const insertOrganizer = (db: Db, row: { id: string; email: string; name: string; createdAt: number }) =>
  db
    .insert(organizers)
    .values({ ...row, email: normaliseOrganizerEmail(row.email) })
    .onConflictDoNothing({ target: organizers.email });

export const markSignedIn = (db: Db, personId: string, now: number) =>
  db.update(organizers).set({ lastSignInAt: now }).where(eq(organizers.id, personId));

export const membershipsOf = (db: Db, personId: string): Promise<MembershipRow[]> =>
  db.select().from(memberships).where(eq(memberships.personId, personId)).all();

export const findMembership = (db: Db, workspaceId: string, personId: string): Promise<MembershipRow | undefined> =>
  db
    .select()
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.personId, personId)))
    .get();

export interface MemberRow {
  membership: MembershipRow;
  person: OrganizerRow;
}

export async function membersOf(db: Db, workspaceId: string): Promise<MemberRow[]> {
  return db
    .select({ membership: memberships, person: organizers })
    .from(memberships)
    .innerJoin(organizers, eq(organizers.id, memberships.personId))
    .where(eq(memberships.workspaceId, workspaceId))
    .orderBy(asc(organizers.name), asc(organizers.email))
    .all();
}

export async function ownersOf(db: Db, workspaceId: string): Promise<string[]> {
  const rows = await db
    .select({ personId: memberships.personId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, "owner")))
    .all();
  return rows.map((r) => r.personId);
}

/** Adds the membership, or (`upsert`) sets its role and events when it exists. */
export const putMembership = (
  db: Db,
  row: {
    workspaceId: string;
    personId: string;
    role: OrganizerRole;
    eventIds: string[] | null;
    invitedAt: number;
    invitedBy: string | null;
  },
) =>
  db
    .insert(memberships)
    .values(row)
    .onConflictDoUpdate({
      target: [memberships.workspaceId, memberships.personId],
      set: { role: row.role, eventIds: row.eventIds },
    });

export const updateMembership = (
  db: Db,
  workspaceId: string,
  personId: string,
  changes: { role?: OrganizerRole; eventIds?: string[] | null },
) =>
  db
    .update(memberships)
    .set(changes)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.personId, personId)));

export const deleteMembership = (db: Db, workspaceId: string, personId: string) =>
  db.delete(memberships).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.personId, personId)));

/**
 * Guards a change to the owners in the statement itself: the write happens only while another
 * owner remains, so two owners demoting each other at once cannot both succeed.
 */
export const anotherOwnerRemains = (workspaceId: string, personId: string) =>
  sql`EXISTS (SELECT 1 FROM ${memberships} WHERE ${memberships.workspaceId} = ${workspaceId} AND ${memberships.role} = 'owner' AND ${memberships.personId} <> ${personId})`;

export async function demoteGuarded(
  db: Db,
  workspaceId: string,
  personId: string,
  changes: { role?: OrganizerRole; eventIds?: string[] | null },
): Promise<boolean> {
  const result = await db
    .update(memberships)
    .set(changes)
    .where(
      and(
        eq(memberships.workspaceId, workspaceId),
        eq(memberships.personId, personId),
        anotherOwnerRemains(workspaceId, personId),
      ),
    )
    .run();
  return (result.meta.changes ?? 0) > 0;
}

export async function removeGuarded(db: Db, workspaceId: string, personId: string): Promise<boolean> {
  const result = await db
    .delete(memberships)
    .where(
      and(
        eq(memberships.workspaceId, workspaceId),
        eq(memberships.personId, personId),
        sql`(${memberships.role} <> 'owner' OR ${anotherOwnerRemains(workspaceId, personId)})`,
      ),
    )
    .run();
  return (result.meta.changes ?? 0) > 0;
}

/** The events of a workspace among `ids` (to check an event limit names only its own events). */
export async function eventsInWorkspace(db: Db, workspaceId: string, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: events.id })
    .from(events)
    .where(and(eq(events.workspaceId, workspaceId), inArray(events.id, [...ids])))
    .all();
  return rows.map((r) => r.id);
}

export type { EventRow };
