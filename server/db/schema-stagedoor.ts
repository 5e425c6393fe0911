import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { events, registrations } from "./schema";

/**
 * The stage door's per-person preferences. Appearing in the participants matrix is opt-in: a
 * person without a row has not opted in. One row per registration (a registration belongs to
 * one event); the event id is kept so a session object can read every opted-in person of its
 * event in one indexed query.
 */
export const matrixConsents = sqliteTable(
  "matrix_consents",
  {
    registrationId: text("registration_id")
      .primaryKey()
      .references(() => registrations.id, { onDelete: "cascade" }),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    optedIn: integer("opted_in", { mode: "boolean" }).notNull(),
    updatedAt: integer("updated_at", { mode: "number" })
      .notNull()
      .default(sql`(CAST(unixepoch('subsec') * 1000 AS INTEGER))`),
  },
  (t) => [index("matrix_consents_event").on(t.eventId, t.optedIn)],
);

export type MatrixConsentRow = typeof matrixConsents.$inferSelect;
