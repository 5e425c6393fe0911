import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { events, registrations } from "./schema";

const now = sql`(CAST(unixepoch('subsec') * 1000 AS INTEGER))`;

/**
 * A person's networking choices. No row means the defaults: not in the directory (listing is an
 * opt-in), invitations allowed (they can only come from people who find you, so only once you are
 * listed).
 */
export const networkingPreferences = sqliteTable(
  "networking_preferences",
  {
    registrationId: text("registration_id")
      .primaryKey()
      .references(() => registrations.id, { onDelete: "cascade" }),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    listed: integer("listed", { mode: "boolean" }).notNull().default(false),
    invitations: integer("invitations", { mode: "boolean" }).notNull().default(true),
    /** A moderator took the person out of the directory: they cannot list themselves again. */
    removedAt: integer("removed_at", { mode: "number" }),
    /**
     * Name and organisation folded for search (lower case, accents removed), written with the
     * preferences; the raw name is searched too, so a later rename is still found.
     */
    searchKey: text("search_key").notNull().default(""),
    updatedAt: integer("updated_at", { mode: "number" }).notNull().default(now),
  },
  (t) => [index("networking_preferences_directory").on(t.eventId, t.listed)],
);

/** What the organizer shows in the event's directory, beyond names. */
export const networkingSettings = sqliteTable("networking_settings", {
  eventId: text("event_id")
    .primaryKey()
    .references(() => events.id, { onDelete: "cascade" }),
  /** The registration attribute that holds a person's organisation. */
  organisationAttribute: text("organisation_attribute").notNull().default("organisation"),
  /** Further attributes shown on directory cards (a few: interests, country …). */
  directoryAttributes: text("directory_attributes", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
  updatedAt: integer("updated_at", { mode: "number" }).notNull().default(now),
});

/**
 * Contacts two people agreed to share (both saved each other after a carousel round): one row per
 * direction, written by the carousel's session object through its report outbox.
 */
export const networkingContacts = sqliteTable(
  "networking_contacts",
  {
    ownerId: text("owner_id")
      .notNull()
      .references(() => registrations.id, { onDelete: "cascade" }),
    contactId: text("contact_id")
      .notNull()
      .references(() => registrations.id, { onDelete: "cascade" }),
    /** Where they met (a carousel session); not a foreign key, so deleting a session keeps the contacts. */
    sessionId: text("session_id"),
    createdAt: integer("created_at", { mode: "number" }).notNull().default(now),
  },
  (t) => [
    primaryKey({ columns: [t.ownerId, t.contactId] }),
    index("networking_contacts_owner").on(t.ownerId, t.createdAt),
  ],
);

export type NetworkingPreferencesRow = typeof networkingPreferences.$inferSelect;
export type NetworkingSettingsRow = typeof networkingSettings.$inferSelect;

/**
 * Who met whom: one row per person per meeting, a 1:1 video chat (in the event's hub, session
 * `hub:<eventId>`) or a carousel group (a pair, or a trio for an odd one out). Written by the
 * object that decided the meeting, through its report outbox; keyed by the meeting's own id (the
 * chat's, the group's) and the person, so a retried write leaves the same rows. Not a foreign key
 * to the session, like the contacts: a deleted session keeps its history.
 */
export const networkingMeetings = sqliteTable(
  "networking_meetings",
  {
    meetingId: text("meeting_id").notNull(),
    registrationId: text("registration_id")
      .notNull()
      .references(() => registrations.id, { onDelete: "cascade" }),
    /** The carousel session, or `hub:<eventId>` for a 1:1 chat. */
    sessionId: text("session_id").notNull(),
    kind: text("kind", { enum: ["chat", "carousel"] }).notNull(),
    /** The carousel round; null for a 1:1 chat. */
    round: integer("round", { mode: "number" }),
    startedAt: integer("started_at", { mode: "number" }).notNull(),
    /** Null while the meeting goes on (or its end has not reached D1 yet). */
    endedAt: integer("ended_at", { mode: "number" }),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.registrationId] }),
    index("networking_meetings_session").on(t.sessionId, t.registrationId, t.kind),
  ],
);

export type NetworkingMeetingRow = typeof networkingMeetings.$inferSelect;
