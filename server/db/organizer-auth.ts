import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { TokenScope } from "../../core/contract/organizers";
import type { Db } from "./client";
import {
  type ApiTokenRow,
  apiTokens,
  type OrganizerSessionRow,
  organizerSessions,
  organizerSigninLinks,
} from "./schema";

/** Sign-in links, organizer sessions and API tokens: every row keyed or checked by a hash. */

export const insertSigninLink = (
  db: Db,
  row: { tokenHash: string; personId: string; createdAt: number; expiresAt: number },
) => db.insert(organizerSigninLinks).values(row);

/**
 * Uses a sign-in link: one conditional update, so of two requests with the same link exactly one
 * gets the person back. Unknown, used and expired links all answer undefined.
 */
export async function consumeSigninLink(db: Db, tokenHash: string, now: number): Promise<string | undefined> {
  const row = await db
    .update(organizerSigninLinks)
    .set({ usedAt: now })
    .where(
      and(
        eq(organizerSigninLinks.tokenHash, tokenHash),
        isNull(organizerSigninLinks.usedAt),
        gt(organizerSigninLinks.expiresAt, now),
      ),
    )
    .returning({ personId: organizerSigninLinks.personId })
    .get();
  return row?.personId;
}

export const findSigninLinkPerson = async (db: Db, tokenHash: string): Promise<string | undefined> =>
  (
    await db
      .select({ personId: organizerSigninLinks.personId })
      .from(organizerSigninLinks)
      .where(eq(organizerSigninLinks.tokenHash, tokenHash))
      .get()
  )?.personId;

export const insertOrganizerSession = (db: Db, row: typeof organizerSessions.$inferInsert) =>
  db.insert(organizerSessions).values(row);

export const findOrganizerSession = (db: Db, idHash: string): Promise<OrganizerSessionRow | undefined> =>
  db.select().from(organizerSessions).where(eq(organizerSessions.idHash, idHash)).get();

export const touchOrganizerSession = (db: Db, idHash: string, now: number) =>
  db.update(organizerSessions).set({ lastSeenAt: now }).where(eq(organizerSessions.idHash, idHash));

/** The person's live sessions (not revoked, not past either limit). */
export const sessionsOfPerson = (
  db: Db,
  personId: string,
  now: number,
  idleMs: number,
): Promise<OrganizerSessionRow[]> =>
  db
    .select()
    .from(organizerSessions)
    .where(
      and(
        eq(organizerSessions.personId, personId),
        isNull(organizerSessions.revokedAt),
        gt(organizerSessions.expiresAt, now),
        gt(organizerSessions.lastSeenAt, now - idleMs),
      ),
    )
    .orderBy(desc(organizerSessions.lastSeenAt))
    .all();

/** Revokes one of the person's sessions; false when it is not theirs or already ended. */
export async function revokeOrganizerSession(db: Db, personId: string, idHash: string, now: number): Promise<boolean> {
  const result = await db
    .update(organizerSessions)
    .set({ revokedAt: now })
    .where(
      and(
        eq(organizerSessions.idHash, idHash),
        eq(organizerSessions.personId, personId),
        isNull(organizerSessions.revokedAt),
      ),
    )
    .run();
  return (result.meta.changes ?? 0) > 0;
}

export const revokeAllSessions = (db: Db, personId: string, now: number) =>
  db
    .update(organizerSessions)
    .set({ revokedAt: now })
    .where(and(eq(organizerSessions.personId, personId), isNull(organizerSessions.revokedAt)));

export const insertApiToken = (db: Db, row: typeof apiTokens.$inferInsert) => db.insert(apiTokens).values(row);

export const findApiToken = (db: Db, id: string): Promise<ApiTokenRow | undefined> =>
  db.select().from(apiTokens).where(eq(apiTokens.id, id)).get();

export const tokensOf = (db: Db, workspaceId: string): Promise<ApiTokenRow[]> =>
  db.select().from(apiTokens).where(eq(apiTokens.workspaceId, workspaceId)).orderBy(desc(apiTokens.createdAt)).all();

export const touchApiToken = (db: Db, id: string, now: number) =>
  db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, id));

export const revokeApiToken = (db: Db, workspaceId: string, id: string, now: number) =>
  db
    .update(apiTokens)
    .set({ revokedAt: sql`coalesce(${apiTokens.revokedAt}, ${now})` })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.workspaceId, workspaceId)));

export type { ApiTokenRow, OrganizerSessionRow, TokenScope };
