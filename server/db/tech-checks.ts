import { eq } from "drizzle-orm";
import type { Db } from "./client";
import { techChecks, type TechCheckRow } from "./schema";

/** A person's latest tech check: one row each, replaced by the next check. */

export const findTechCheck = (db: Db, registrationId: string): Promise<TechCheckRow | undefined> =>
  db.select().from(techChecks).where(eq(techChecks.registrationId, registrationId)).get();

export async function saveTechCheck(db: Db, row: TechCheckRow): Promise<void> {
  await db.insert(techChecks).values(row).onConflictDoUpdate({ target: techChecks.registrationId, set: row });
}
