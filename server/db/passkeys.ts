import { and, asc, eq, gt, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "./client";
import { type PasskeyRow, passkeys, webauthnChallenges } from "./schema";

/** Passkeys and their WebAuthn challenges. */

export type ChallengePurpose = "register" | "signin";

/** A new challenge; expired ones are cleared in the same batch, so the table stays small. */
export const insertChallenge = (
  db: Db,
  row: { challenge: string; purpose: ChallengePurpose; personId: string | null; createdAt: number; expiresAt: number },
) => db.insert(webauthnChallenges).values(row);

export const deleteExpiredChallenges = (db: Db, now: number) =>
  db.delete(webauthnChallenges).where(lt(webauthnChallenges.expiresAt, now));

/**
 * Uses a challenge: one conditional update, so of two answers to the same challenge exactly one
 * goes on. Unknown, used, expired, the wrong purpose or (registration) another person's challenge
 * all answer false.
 */
export async function consumeChallenge(
  db: Db,
  challenge: string,
  purpose: ChallengePurpose,
  personId: string | null,
  now: number,
): Promise<boolean> {
  const row = await db
    .update(webauthnChallenges)
    .set({ usedAt: now })
    .where(
      and(
        eq(webauthnChallenges.challenge, challenge),
        eq(webauthnChallenges.purpose, purpose),
        personId === null ? isNull(webauthnChallenges.personId) : eq(webauthnChallenges.personId, personId),
        isNull(webauthnChallenges.usedAt),
        gt(webauthnChallenges.expiresAt, now),
      ),
    )
    .returning({ challenge: webauthnChallenges.challenge })
    .get();
  return row !== undefined;
}

export const insertPasskey = (db: Db, row: typeof passkeys.$inferInsert) => db.insert(passkeys).values(row);

export const findPasskey = (db: Db, id: string): Promise<PasskeyRow | undefined> =>
  db.select().from(passkeys).where(eq(passkeys.id, id)).get();

export const passkeysOf = (db: Db, personId: string): Promise<PasskeyRow[]> =>
  db.select().from(passkeys).where(eq(passkeys.personId, personId)).orderBy(asc(passkeys.createdAt)).all();

/** The person's own passkey, or undefined (another person's id reads as missing). */
export const ownPasskey = (db: Db, personId: string, id: string): Promise<PasskeyRow | undefined> =>
  db
    .select()
    .from(passkeys)
    .where(and(eq(passkeys.id, id), eq(passkeys.personId, personId)))
    .get();

export const renamePasskey = (db: Db, personId: string, id: string, name: string) =>
  db
    .update(passkeys)
    .set({ name })
    .where(and(eq(passkeys.id, id), eq(passkeys.personId, personId)));

export const deletePasskey = (db: Db, personId: string, id: string) =>
  db.delete(passkeys).where(and(eq(passkeys.id, id), eq(passkeys.personId, personId)));

/** After a sign-in: the authenticator's new counter (never lowered) and when it was used. */
export const passkeyUsed = (db: Db, id: string, counter: number, now: number) =>
  db
    .update(passkeys)
    .set({ counter: sql`max(${passkeys.counter}, ${counter})`, lastUsedAt: now })
    .where(eq(passkeys.id, id));

export type { PasskeyRow };
