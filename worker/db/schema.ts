import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { Language, Role, SessionKind } from "../../durable-objects/session/protocol/identity";
import type { AudienceRule, RegistrationField } from "../contract";

/** Times are epoch milliseconds (UTC); the event's timezone is for display only. */
const createdAt = () =>
  integer("created_at", { mode: "number" })
    .notNull()
    .default(sql`(CAST(unixepoch('subsec') * 1000 AS INTEGER))`);
const updatedAt = () =>
  integer("updated_at", { mode: "number" })
    .notNull()
    .default(sql`(CAST(unixepoch('subsec') * 1000 AS INTEGER))`);

export const events = sqliteTable("events", {
  id: text("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  title: text("title").notNull(),
  description: text("description").notNull().default(""),
  timezone: text("timezone").notNull().default("UTC"),
  startsAt: integer("starts_at", { mode: "number" }).notNull(),
  endsAt: integer("ends_at", { mode: "number" }).notNull(),
  /** Invitations go out this many minutes before the start. */
  inviteLeadMinutes: integer("invite_lead_minutes", { mode: "number" }).notNull().default(180),
  registrationOpen: integer("registration_open", { mode: "boolean" }).notNull().default(true),
  defaultLanguage: text("default_language").$type<Language>().notNull().default("en"),
  fields: text("fields", { mode: "json" }).$type<RegistrationField[]>().notNull().default(sql`'[]'`),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const programmeSessions = sqliteTable(
  "programme_sessions",
  {
    id: text("id").primaryKey(),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    kind: text("kind").$type<SessionKind>().notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    startsAt: integer("starts_at", { mode: "number" }).notNull(),
    endsAt: integer("ends_at", { mode: "number" }).notNull(),
    capacity: integer("capacity", { mode: "number" }),
    /** Offered as a choice on the registration form. */
    selectable: integer("selectable", { mode: "boolean" }).notNull().default(false),
    audience: text("audience", { mode: "json" }).$type<AudienceRule>().notNull().default(sql`'{"kind":"everyone"}'`),
    /** A stream room belongs to its stage. */
    parentSessionId: text("parent_session_id"),
    /** An HLS URL that overrides the provider's stage video (an encoder on the local network). */
    streamUrl: text("stream_url"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("programme_sessions_event_start").on(t.eventId, t.startsAt)],
);

export const registrations = sqliteTable(
  "registrations",
  {
    id: text("id").primaryKey(),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    /** Lower-cased, trimmed e-mail: one registration per person and event. */
    emailNorm: text("email_norm").notNull(),
    name: text("name").notNull(),
    language: text("language").$type<Language>().notNull().default("en"),
    role: text("role").$type<Role>().notNull().default("participant"),
    attributes: text("attributes", { mode: "json" })
      .$type<Record<string, string | string[]>>()
      .notNull()
      .default(sql`'{}'`),
    /** Ids of the selectable sessions this person chose. */
    selections: text("selections", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    /** Bumped to invalidate every link and session cookie issued before. */
    linkVersion: integer("link_version", { mode: "number" }).notNull().default(1),
    /** Set when the organizer revoked the link (as opposed to rotating it). */
    linkRevokedAt: integer("link_revoked_at", { mode: "number" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("registrations_event_email").on(t.eventId, t.emailNorm)],
);

export type EventRow = typeof events.$inferSelect;
export type ProgrammeSessionRow = typeof programmeSessions.$inferSelect;
export type RegistrationRow = typeof registrations.$inferSelect;

// Live interactions (prepared polls and quizzes, results, attendance) live in their own file.
export * from "./schema-interactions";
