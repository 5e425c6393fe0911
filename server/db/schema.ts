import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { Language, Role, SessionKind } from "../../core/protocol/identity";
import type {
  AudienceRule,
  InvitationKind,
  InvitationState,
  PerLanguage,
  RegistrationField,
  TechCheckSubmission,
  TechCheckVerdict,
} from "../../core/contract/index";
import type { BrandingColours, LogoType } from "../../core/contract/branding";

/**
 * Texts an organizer gave per language. The plain column (`title`, `description`) keeps the text
 * in the event's first language, so search, audit and imports read one string; this holds the
 * whole per-language object when the organizer gave one, and nothing when they gave a string.
 */
export interface Translations {
  title?: PerLanguage;
  description?: PerLanguage;
}

/** An event's branding as stored; absent parts are Foyer's defaults. */
export interface StoredBranding {
  colours?: BrandingColours;
  logo?: { type: LogoType; bytes: number; etag: string };
}

/** Times are epoch milliseconds (UTC); the event's timezone is for display only. */
const createdAt = () =>
  integer("created_at", { mode: "number" }).notNull().default(sql`(CAST(unixepoch('subsec') * 1000 AS INTEGER))`);
const updatedAt = () =>
  integer("updated_at", { mode: "number" }).notNull().default(sql`(CAST(unixepoch('subsec') * 1000 AS INTEGER))`);

export const events = sqliteTable(
  "events",
  {
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
    /** At most this many registrations; null: no limit. */
    capacity: integer("capacity", { mode: "number" }),
    defaultLanguage: text("default_language").$type<Language>().notNull().default("en"),
    /** The event's languages, its first (always `defaultLanguage`) first. */
    languages: text("languages", { mode: "json" }).$type<Language[]>().notNull().default(sql`'["en","nl"]'`),
    translations: text("translations", { mode: "json" }).$type<Translations>().notNull().default(sql`'{}'`),
    fields: text("fields", { mode: "json" }).$type<RegistrationField[]>().notNull().default(sql`'[]'`),
    /** Colours and the logo's description (its bytes are in event_logos), so pages and e-mails need no join. */
    branding: text("branding", { mode: "json" }).$type<StoredBranding>().notNull().default(sql`'{}'`),
    /** The workspace that owns the event (organizer accounts). Null: visible to no organizer. */
    workspaceId: text("workspace_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("events_workspace").on(t.workspaceId)],
);

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
    translations: text("translations", { mode: "json" }).$type<Translations>().notNull().default(sql`'{}'`),
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
    /** The first time any of this person's personal links signed someone in (the control room's "opened"). */
    linkOpenedAt: integer("link_opened_at", { mode: "number" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("registrations_event_email").on(t.eventId, t.emailNorm),
    // The organizer's list pages newest first.
    index("registrations_event_created").on(t.eventId, t.createdAt, t.id),
  ],
);

/**
 * One e-mail carrying a personal link, with its own delivery state machine:
 * queued → sending → sent | failed (see worker/lib/invitations/policy.ts). A row is for one link
 * version: rotating a link and inviting again makes a new row with the new link.
 */
export const invitations = sqliteTable(
  "invitations",
  {
    id: text("id").primaryKey(),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    registrationId: text("registration_id")
      .notNull()
      .references(() => registrations.id, { onDelete: "cascade" }),
    kind: text("kind").$type<InvitationKind>().notNull(),
    linkVersion: integer("link_version", { mode: "number" }).notNull(),
    state: text("state").$type<InvitationState>().notNull().default("queued"),
    /** When to send; null means at the event's invitation lead time (follows event changes). */
    sendAt: integer("send_at", { mode: "number" }),
    /** Send attempts started, including ones a crash interrupted. */
    attempts: integer("attempts", { mode: "number" }).notNull().default(0),
    /** While `sending`: past this instant the attempt is presumed crashed and is taken again. */
    leaseUntil: integer("lease_until", { mode: "number" }),
    /** Random per claim, so only the attempt that claimed a row may record its outcome. */
    claim: text("claim"),
    lastError: text("last_error"),
    providerMessageId: text("provider_message_id"),
    /** The "send to these N" batch that queued or moved it last (invitation_batches), for its progress. */
    batchId: text("batch_id"),
    sentAt: integer("sent_at", { mode: "number" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("invitations_state_send_at").on(t.state, t.sendAt),
    index("invitations_registration").on(t.registrationId, t.createdAt),
    index("invitations_event_created").on(t.eventId, t.createdAt, t.id),
    index("invitations_batch_state").on(t.batchId, t.state),
  ],
);

/** The local e-mail provider: every message Foyer would have sent, readable in the admin pages. */
export const outbox = sqliteTable(
  "outbox",
  {
    id: text("id").primaryKey(),
    /** The invitation's id: a retried send writes the same message once. */
    messageKey: text("message_key").notNull().unique(),
    eventId: text("event_id"),
    /** Organizer e-mails (member invitations) belong to a workspace instead of an event. */
    workspaceId: text("workspace_id"),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("outbox_created").on(t.createdAt, t.id), index("outbox_event_created").on(t.eventId, t.createdAt)],
);

/** Everything an organizer changes: who, what, when. Append-only. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at", { mode: "number" }).notNull(),
    /** Who, as people read it: "Ada Lovelace <ada@example.com>", "token CRM sync" or "bootstrap". */
    actor: text("actor").notNull(),
    ip: text("ip"),
    /** The workspace the change belongs to (its event's, or the one whose people/tokens changed). */
    workspaceId: text("workspace_id"),
    personId: text("person_id"),
    tokenId: text("token_id"),
    action: text("action").notNull(),
    eventId: text("event_id"),
    /** What was changed, e.g. "registration:reg_…". */
    target: text("target"),
    details: text("details", { mode: "json" }).$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
  },
  (t) => [
    index("audit_event_at").on(t.eventId, t.at),
    index("audit_at").on(t.at),
    index("audit_workspace").on(t.workspaceId, t.id),
  ],
);

export type EventRow = typeof events.$inferSelect;
export type ProgrammeSessionRow = typeof programmeSessions.$inferSelect;
export type RegistrationRow = typeof registrations.$inferSelect;
export type NewEventRow = typeof events.$inferInsert;
export type NewProgrammeSessionRow = typeof programmeSessions.$inferInsert;
export type NewRegistrationRow = typeof registrations.$inferInsert;

/** A person's latest tech check, shown to moderators next to a raised hand. */
export const techChecks = sqliteTable("tech_checks", {
  registrationId: text("registration_id")
    .primaryKey()
    .references(() => registrations.id, { onDelete: "cascade" }),
  overall: text("overall").$type<TechCheckVerdict>().notNull(),
  checks: text("checks", { mode: "json" }).$type<TechCheckSubmission["checks"]>().notNull(),
  userAgent: text("user_agent"),
  checkedAt: integer("checked_at", { mode: "number" }).notNull(),
});
export type TechCheckRow = typeof techChecks.$inferSelect;
export type InvitationRow = typeof invitations.$inferSelect;
export type OutboxRow = typeof outbox.$inferSelect;
export type AuditRow = typeof auditLog.$inferSelect;

// Media records (IVS channels, Chime meetings), live interactions (prepared polls and quizzes,
// results, attendance), the stage door (matrix opt-ins) and networking (directory preferences,
// contacts) live in their own files.
export * from "./schema-media";
export * from "./schema-interactions";
export * from "./schema-stagedoor";
export * from "./schema-networking";
export * from "./schema-organizers";
export * from "./schema-branding";
export * from "./schema-imports";
