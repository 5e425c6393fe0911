import type { Db } from "./client";

/** Anything drizzle can print as SQL: query builders (`toSQL`) and raw statements (`getQuery`). */
export type Printable =
  | { toSQL(): { sql: string; params: unknown[] } }
  | { getQuery(): { sql: string; params: unknown[] } };

/**
 * Runs statements as one D1 batch — one transaction: all of them or none. Goes to D1 directly
 * because drizzle's own `batch` cannot bind parameters of raw `db.run(sql…)` statements, which the
 * bulk writes over `json_each` need.
 */
export async function runBatch(db: Db, statements: readonly Printable[]): Promise<void> {
  if (statements.length === 0) return;
  const d1 = db.$client;
  await d1.batch(
    statements.map((s) => {
      const { sql, params } = "toSQL" in s ? s.toSQL() : s.getQuery();
      return d1.prepare(sql).bind(...params);
    }),
  );
}
