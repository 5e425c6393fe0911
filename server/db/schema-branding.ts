import { sql } from "drizzle-orm";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import type { LogoType } from "../../core/contract/branding";
import { events } from "./schema";

/**
 * An event's logo, apart from the events row so reading an event never drags up to 200 KB along.
 * Base64 text rather than a BLOB: D1 hands BLOBs back as number arrays, and without nodejs_compat
 * drizzle's buffer mode has no Buffer; a third more bytes on a small image is the cheaper trade.
 */
export const eventLogos = sqliteTable("event_logos", {
  eventId: text("event_id")
    .primaryKey()
    .references(() => events.id, { onDelete: "cascade" }),
  type: text("type").$type<LogoType>().notNull(),
  data: text("data").notNull(),
  /** A hash of the bytes: the ETag and the version in the logo's URL. */
  etag: text("etag").notNull(),
  updatedAt: integer("updated_at", { mode: "number" })
    .notNull()
    .default(sql`(CAST(unixepoch('subsec') * 1000 AS INTEGER))`),
});

export type EventLogoRow = typeof eventLogos.$inferSelect;
