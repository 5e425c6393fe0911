import { drizzle } from "drizzle-orm/d1";
import { sql } from "drizzle-orm";
import { interactionResults, questionResults, sessionAttendance } from "../../worker/db/schema-interactions";
import type { ReportItem } from "./runtime/report-items";

/**
 * Writes a batch of report rows to D1 in one round trip. Every write is an upsert on the row's
 * key, so a batch retried after a failure (or written twice) leaves the same rows.
 */
export async function writeReports(d1: D1Database, sessionId: string, items: readonly ReportItem[]): Promise<void> {
  if (items.length === 0) return;
  const db = drizzle(d1);
  const statements = items.map((item) => {
    switch (item.kind) {
      case "attendance": {
        const { kind: _, ...visit } = item;
        return db
          .insert(sessionAttendance)
          .values({ sessionId, ...visit })
          .onConflictDoUpdate({ target: [sessionAttendance.sessionId, sessionAttendance.visitId], set: { leftAt: visit.leftAt } });
      }
      case "result":
        return db
          .insert(interactionResults)
          .values({ sessionId, interactionId: item.interactionId, kind: item.result.type, title: item.title, result: item.result, closedAt: item.closedAt })
          .onConflictDoUpdate({
            target: [interactionResults.sessionId, interactionResults.interactionId],
            set: { result: item.result, title: item.title, closedAt: item.closedAt, updatedAt: sql`(CAST(unixepoch('subsec') * 1000 AS INTEGER))` },
          });
      case "question": {
        const { kind: _, ...question } = item;
        return db
          .insert(questionResults)
          .values({ sessionId, ...question })
          .onConflictDoUpdate({
            target: [questionResults.sessionId, questionResults.questionId],
            set: { status: question.status, votes: question.votes, answeredAt: question.answeredAt },
          });
      }
      default:
        return item satisfies never;
    }
  });
  await db.batch(statements as [(typeof statements)[number], ...(typeof statements)[number][]]);
}
