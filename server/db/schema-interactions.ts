import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import type { DeviceClass } from "../../core/protocol/hello";
import type { Role } from "../../core/protocol/identity";
import type { QaStatus } from "../../core/protocol/qa";
import type { ActivityKind } from "../../core/contract/reports";
import type { InteractionResult, PreparedInteraction, PreparedKind } from "../../core/contract/interactions";
import { events, programmeSessions } from "./schema";

const now = sql`(CAST(unixepoch('subsec') * 1000 AS INTEGER))`;

/** Polls, quizzes and word clouds prepared ahead by organizers; the session object imports them. */
export const preparedInteractions = sqliteTable(
  "prepared_interactions",
  {
    id: text("id").primaryKey(),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    sessionId: text("session_id")
      .notNull()
      .references(() => programmeSessions.id, { onDelete: "cascade" }),
    kind: text("kind").$type<PreparedKind>().notNull(),
    definition: text("definition", { mode: "json" }).$type<PreparedInteraction["definition"]>().notNull(),
    position: integer("position", { mode: "number" }).notNull().default(0),
    createdAt: integer("created_at", { mode: "number" }).notNull().default(now),
    updatedAt: integer("updated_at", { mode: "number" }).notNull().default(now),
  },
  (t) => [index("prepared_interactions_session").on(t.sessionId, t.position)],
);

/** Final results of polls, quizzes and word clouds, written by the session object when they close. */
export const interactionResults = sqliteTable(
  "interaction_results",
  {
    sessionId: text("session_id")
      .notNull()
      .references(() => programmeSessions.id, { onDelete: "cascade" }),
    interactionId: text("interaction_id").notNull(),
    kind: text("kind").$type<InteractionResult["type"]>().notNull(),
    title: text("title").notNull(),
    result: text("result", { mode: "json" }).$type<InteractionResult>().notNull(),
    closedAt: integer("closed_at", { mode: "number" }),
    updatedAt: integer("updated_at", { mode: "number" }).notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.interactionId] })],
);

/** Every question asked in a session's Q&A, with its final votes and status. */
export const questionResults = sqliteTable(
  "question_results",
  {
    sessionId: text("session_id")
      .notNull()
      .references(() => programmeSessions.id, { onDelete: "cascade" }),
    questionId: text("question_id").notNull(),
    text: text("text").notNull(),
    /** Null for anonymous questions. */
    authorName: text("author_name"),
    status: text("status").$type<QaStatus>().notNull(),
    votes: integer("votes", { mode: "number" }).notNull(),
    askedAt: integer("asked_at", { mode: "number" }).notNull(),
    answeredAt: integer("answered_at", { mode: "number" }),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.questionId] })],
);

/** Each connection to a session: who, from what kind of device, from when to when. */
export const sessionAttendance = sqliteTable(
  "session_attendance",
  {
    sessionId: text("session_id")
      .notNull()
      .references(() => programmeSessions.id, { onDelete: "cascade" }),
    visitId: integer("visit_id", { mode: "number" }).notNull(),
    registrationId: text("registration_id").notNull(),
    role: text("role").$type<Role>().notNull(),
    device: text("device").$type<DeviceClass>().notNull(),
    joinedAt: integer("joined_at", { mode: "number" }).notNull(),
    leftAt: integer("left_at", { mode: "number" }),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.visitId] }),
    index("session_attendance_registration").on(t.registrationId),
    // The reports read a session's visits person by person, in time order: covering, so the
    // 200,000 visits of a large event are read from the index alone, already in merge order.
    index("session_attendance_stays").on(t.sessionId, t.registrationId, t.joinedAt, t.leftAt, t.device),
  ],
);

/**
 * What a person did in a session, counted by the session object (chat messages, questions asked,
 * upvotes, poll votes, quiz answers, words, raised hands) and written through its report outbox
 * as running totals, so a retried write leaves the same numbers.
 */
export const sessionActivity = sqliteTable(
  "session_activity",
  {
    sessionId: text("session_id")
      .notNull()
      .references(() => programmeSessions.id, { onDelete: "cascade" }),
    registrationId: text("registration_id").notNull(),
    kind: text("kind").$type<ActivityKind>().notNull(),
    count: integer("count", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.registrationId, t.kind] })],
);

export type PreparedInteractionRow = typeof preparedInteractions.$inferSelect;
