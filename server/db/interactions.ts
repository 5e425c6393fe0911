import { and, asc, eq } from "drizzle-orm";
import type { Db } from "./client";
import {
  interactionResults,
  preparedInteractions,
  questionResults,
  sessionAttendance,
  type PreparedInteractionRow,
} from "./schema";

/** Prepared interactions (set up ahead by the organizer) and a session's reports, as D1 holds them. */

/** A session's prepared items in the order its moderators see them. */
export const preparedOf = (db: Db, sessionId: string): Promise<PreparedInteractionRow[]> =>
  db
    .select()
    .from(preparedInteractions)
    .where(eq(preparedInteractions.sessionId, sessionId))
    .orderBy(asc(preparedInteractions.position), asc(preparedInteractions.createdAt))
    .all();

/** A session's prepared items, in no particular order (the object orders them itself). */
export const preparedForImport = (db: Db, sessionId: string): Promise<PreparedInteractionRow[]> =>
  db.select().from(preparedInteractions).where(eq(preparedInteractions.sessionId, sessionId)).all();

/** The statement that adds a prepared item (in one batch with its audit entry). */
export const insertPrepared = (db: Db, row: typeof preparedInteractions.$inferInsert) =>
  db.insert(preparedInteractions).values(row);

/** Deletes a prepared item of the session; says whether there was one. */
export async function deletePrepared(db: Db, sessionId: string, id: string): Promise<boolean> {
  const deleted = await db
    .delete(preparedInteractions)
    .where(and(eq(preparedInteractions.sessionId, sessionId), eq(preparedInteractions.id, id)))
    .returning()
    .get();
  return deleted !== undefined;
}

export const findPrepared = (db: Db, sessionId: string, id: string): Promise<PreparedInteractionRow | undefined> =>
  db
    .select()
    .from(preparedInteractions)
    .where(and(eq(preparedInteractions.sessionId, sessionId), eq(preparedInteractions.id, id)))
    .get();

/** Statements that swap a prepared item for its edited version (in one batch with the audit entry). */
export const replacePrepared = (
  db: Db,
  sessionId: string,
  oldId: string,
  row: typeof preparedInteractions.$inferInsert,
) => [
  db
    .delete(preparedInteractions)
    .where(and(eq(preparedInteractions.sessionId, sessionId), eq(preparedInteractions.id, oldId))),
  db.insert(preparedInteractions).values(row),
];

/** Statements that put the session's prepared items in this order (position = index). */
export const orderPrepared = (db: Db, sessionId: string, ids: readonly string[], now: number) =>
  ids.map((id, position) =>
    db
      .update(preparedInteractions)
      .set({ position, updatedAt: now })
      .where(and(eq(preparedInteractions.sessionId, sessionId), eq(preparedInteractions.id, id))),
  );

export const resultsOf = (db: Db, sessionId: string) =>
  db
    .select()
    .from(interactionResults)
    .where(eq(interactionResults.sessionId, sessionId))
    .orderBy(asc(interactionResults.closedAt))
    .all();

export const questionResultsOf = (db: Db, sessionId: string) =>
  db
    .select()
    .from(questionResults)
    .where(eq(questionResults.sessionId, sessionId))
    .orderBy(asc(questionResults.askedAt))
    .all();

export const attendanceOf = (db: Db, sessionId: string) =>
  db
    .select()
    .from(sessionAttendance)
    .where(eq(sessionAttendance.sessionId, sessionId))
    .orderBy(asc(sessionAttendance.joinedAt))
    .all();
