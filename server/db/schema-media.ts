import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Cloud media resources Foyer created or linked, kept in D1 rather than in the session objects:
 * the worker answers "where do I play / how do I join" without waking an object, organizers can
 * see and release every resource of an event in one place, and a record outlives a reset of the
 * object's storage (a leaked IVS channel or Chime meeting costs money; a forgotten ARN leaks it).
 * Rows are deliberately not foreign-keyed to programme_sessions: deleting a session must release
 * its channel first (see worker/media/stage-service.ts), not silently drop the ARN.
 */
const now = sql`(CAST(unixepoch('subsec') * 1000 AS INTEGER))`;

export type ChannelState = "creating" | "ready";

/** One IVS channel per stage session. */
export const mediaChannels = sqliteTable("media_channels", {
  sessionId: text("session_id").primaryKey(),
  /** "creating" is a claim: whoever inserted it is creating the channel right now. */
  state: text("state").$type<ChannelState>().notNull(),
  claimedAt: integer("claimed_at", { mode: "number" }).notNull().default(now),
  channelArn: text("channel_arn"),
  ingestEndpoint: text("ingest_endpoint"),
  playbackUrl: text("playback_url"),
  /** The key's ARN only: the key itself is fetched for producers when they ask, never stored. */
  streamKeyArn: text("stream_key_arn"),
  /** Created by Foyer (deleted on release) rather than linked by an organizer (only unlinked). */
  owned: integer("owned", { mode: "boolean" }).notNull().default(true),
  createdAt: integer("created_at", { mode: "number" }).notNull().default(now),
  updatedAt: integer("updated_at", { mode: "number" }).notNull().default(now),
});

export type MeetingState = "active" | "ended";

/** One Chime SDK meeting per call: a breakout or stream room, or one pair of a carousel or 1:1. */
export const mediaMeetings = sqliteTable(
  "media_meetings",
  {
    /** `<sessionId>.<callId>`, also the meeting's ExternalMeetingId. */
    callKey: text("call_key").primaryKey(),
    sessionId: text("session_id").notNull(),
    /** Bumped each time the call gets a new meeting, so the ClientRequestToken changes with it. */
    generation: integer("generation", { mode: "number" }).notNull().default(1),
    state: text("state").$type<MeetingState>().notNull(),
    meetingId: text("meeting_id").notNull(),
    mediaRegion: text("media_region").notNull(),
    /** The Meeting object as CreateMeeting returned it: what the browser SDK needs to connect. */
    meeting: text("meeting", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    createdAt: integer("created_at", { mode: "number" }).notNull().default(now),
    endedAt: integer("ended_at", { mode: "number" }),
  },
  (t) => [index("media_meetings_session").on(t.sessionId)],
);

/** One attendee per person and call, so a moderator's removal can delete it. */
export const mediaAttendees = sqliteTable(
  "media_attendees",
  {
    callKey: text("call_key").notNull(),
    registrationId: text("registration_id").notNull(),
    meetingId: text("meeting_id").notNull(),
    attendeeId: text("attendee_id").notNull(),
    createdAt: integer("created_at", { mode: "number" }).notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.callKey, t.registrationId] })],
);

export type MediaChannelRow = typeof mediaChannels.$inferSelect;
export type MediaMeetingRow = typeof mediaMeetings.$inferSelect;
