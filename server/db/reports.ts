import { drizzle } from "drizzle-orm/d1";
import { sql } from "drizzle-orm";
import type { AttendanceVisit, InteractionResult, QuestionReport } from "../../core/contract/interactions";
import type { ActivityCounts, ActivityKind } from "../../core/contract/reports";
import { interactionResults, questionResults, sessionActivity, sessionAttendance } from "./schema-interactions";
import { networkingContacts, networkingMeetings } from "./schema-networking";

/** What the session object writes to D1 for reports, through its outbox. */
export type ReportItem =
  | ({ kind: "attendance" } & AttendanceVisit)
  | { kind: "result"; interactionId: string; title: string; closedAt: number | null; result: InteractionResult }
  | ({ kind: "question" } & QuestionReport)
  /** Two people who met in the carousel saved each other: their contact is shared (both directions). */
  | { kind: "contact"; a: string; b: string; at: number }
  /** A person's running totals in this session (chat messages, votes, raised hands …). */
  | { kind: "activity"; registrationId: string; counts: Partial<ActivityCounts> }
  /**
   * People met: a 1:1 chat (in the hub) or a carousel group, sent when it starts and again when it
   * ends (the same key: the outbox keeps the latest). Everyone who was in it, also those who left.
   */
  | {
      kind: "meeting";
      meetingId: string;
      type: "chat" | "carousel";
      people: string[];
      round: number | null;
      startedAt: number;
      endedAt: number | null;
    };

// D1 binds at most 100 parameters per statement; an attendance row binds 7.
const VISITS_PER_STATEMENT = 14;
// An activity row binds 4.
const ACTIVITY_PER_STATEMENT = 25;

type Of<K extends ReportItem["kind"]> = Extract<ReportItem, { kind: K }>;

/**
 * Writes a batch of report rows to D1 in one round trip. Every write is an upsert on the row's
 * key, so a batch retried after a failure (or written twice) leaves the same rows. Visits, the
 * bulk of it when a crowd arrives, go many rows to a statement.
 */
export async function writeReports(d1: D1Database, sessionId: string, items: readonly ReportItem[]): Promise<void> {
  if (items.length === 0) return;
  const db = drizzle(d1);
  const visits = items
    .filter((i): i is Of<"attendance"> => i.kind === "attendance")
    .map(({ kind: _, ...visit }) => ({ sessionId, ...visit }));
  const statements = [];
  for (let i = 0; i < visits.length; i += VISITS_PER_STATEMENT) {
    statements.push(
      db
        .insert(sessionAttendance)
        .values(visits.slice(i, i + VISITS_PER_STATEMENT))
        .onConflictDoUpdate({
          target: [sessionAttendance.sessionId, sessionAttendance.visitId],
          set: { leftAt: sql`excluded.left_at` },
        }),
    );
  }
  const activity = items.flatMap((i) =>
    i.kind === "activity"
      ? Object.entries(i.counts).map(([kind, count]) => ({
          sessionId,
          registrationId: i.registrationId,
          kind: kind as ActivityKind,
          count: count ?? 0,
        }))
      : [],
  );
  for (let i = 0; i < activity.length; i += ACTIVITY_PER_STATEMENT) {
    statements.push(
      db
        .insert(sessionActivity)
        .values(activity.slice(i, i + ACTIVITY_PER_STATEMENT))
        // Totals, not increments: writing a batch twice leaves the same count.
        .onConflictDoUpdate({
          target: [sessionActivity.sessionId, sessionActivity.registrationId, sessionActivity.kind],
          set: { count: sql`excluded.count` },
        }),
    );
  }
  for (const item of items) {
    if (item.kind === "result") {
      statements.push(
        db
          .insert(interactionResults)
          .values({
            sessionId,
            interactionId: item.interactionId,
            kind: item.result.type,
            title: item.title,
            result: item.result,
            closedAt: item.closedAt,
          })
          .onConflictDoUpdate({
            target: [interactionResults.sessionId, interactionResults.interactionId],
            set: {
              result: item.result,
              title: item.title,
              closedAt: item.closedAt,
              updatedAt: sql`(CAST(unixepoch('subsec') * 1000 AS INTEGER))`,
            },
          }),
      );
    } else if (item.kind === "contact") {
      statements.push(
        db
          .insert(networkingContacts)
          .values([
            { ownerId: item.a, contactId: item.b, sessionId, createdAt: item.at },
            { ownerId: item.b, contactId: item.a, sessionId, createdAt: item.at },
          ])
          .onConflictDoNothing(),
      );
    } else if (item.kind === "meeting" && item.people.length > 0) {
      statements.push(
        db
          .insert(networkingMeetings)
          .values(
            item.people.map((registrationId) => ({
              meetingId: item.meetingId,
              registrationId,
              sessionId,
              kind: item.type,
              round: item.round,
              startedAt: item.startedAt,
              endedAt: item.endedAt,
            })),
          )
          // Keyed by meeting and person: written twice, still one meeting; a later write brings its end.
          .onConflictDoUpdate({
            target: [networkingMeetings.meetingId, networkingMeetings.registrationId],
            set: { endedAt: sql`coalesce(excluded.ended_at, ${networkingMeetings.endedAt})` },
          }),
      );
    } else if (item.kind === "question") {
      const { kind: _, ...question } = item;
      statements.push(
        db
          .insert(questionResults)
          .values({ sessionId, ...question })
          .onConflictDoUpdate({
            target: [questionResults.sessionId, questionResults.questionId],
            set: { status: question.status, votes: question.votes, answeredAt: question.answeredAt },
          }),
      );
    }
  }
  const [first, ...rest] = statements;
  if (first) await db.batch([first, ...rest]);
}
