import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import type { AttributeValue } from "../../core/contract/index";
import type { ImportRow } from "../registration/import";
import { events } from "./schema";

const now = sql`(CAST(unixepoch('subsec') * 1000 AS INTEGER))`;

/**
 * A registration import too large for one request: its rows were checked when it was created and
 * wait in `import_chunks`; the import runner object writes them chunk by chunk. The counters move
 * in the same transaction as each chunk's registrations, so they are exact after any crash.
 */
export const importJobs = sqliteTable(
  "import_jobs",
  {
    id: text("id").primaryKey(),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    state: text("state").$type<"running" | "done">().notNull().default("running"),
    /** Rows in the file (people, not counting the header). */
    total: integer("total", { mode: "number" }).notNull(),
    /** Rows refused when the job was created (they are never written). */
    failed: integer("failed", { mode: "number" }).notNull().default(0),
    created: integer("created", { mode: "number" }).notNull().default(0),
    updated: integer("updated", { mode: "number" }).notNull().default(0),
    unchanged: integer("unchanged", { mode: "number" }).notNull().default(0),
    chunks: integer("chunks", { mode: "number" }).notNull(),
    chunksDone: integer("chunks_done", { mode: "number" }).notNull().default(0),
    /** Who started it, as the audit log writes people. */
    actor: text("actor").notNull(),
    createdAt: integer("created_at", { mode: "number" }).notNull().default(now),
    finishedAt: integer("finished_at", { mode: "number" }),
  },
  (t) => [index("import_jobs_event_created").on(t.eventId, t.createdAt)],
);

export const importChunks = sqliteTable(
  "import_chunks",
  {
    jobId: text("job_id")
      .notNull()
      .references(() => importJobs.id, { onDelete: "cascade" }),
    seq: integer("seq", { mode: "number" }).notNull(),
    /** Checked rows, written as they are (a few hundred, well under D1's 2 MB a value). */
    rows: text("rows", { mode: "json" }).$type<StoredImportRow[]>().notNull(),
    doneAt: integer("done_at", { mode: "number" }),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.seq] }), index("import_chunks_pending").on(t.doneAt, t.seq)],
);

/** One "send invitations to these N": the invitations it queued carry its id, so progress is a count. */
export const invitationBatches = sqliteTable(
  "invitation_batches",
  {
    id: text("id").primaryKey(),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    /** The list's filter the batch was sent to (search, role, invitation state). */
    filter: text("filter", { mode: "json" }).$type<Record<string, string>>().notNull().default(sql`'{}'`),
    matched: integer("matched", { mode: "number" }).notNull(),
    skipped: integer("skipped", { mode: "number" }).notNull().default(0),
    actor: text("actor").notNull(),
    createdAt: integer("created_at", { mode: "number" }).notNull().default(now),
  },
  (t) => [index("invitation_batches_event_created").on(t.eventId, t.createdAt)],
);

/** A checked row as JSON keeps it: a cleared attribute is null (JSON has no undefined). */
export type StoredImportRow = Omit<ImportRow, "attributes"> & { attributes: Record<string, AttributeValue | null> };

export type ImportJobRow = typeof importJobs.$inferSelect;
export type ImportChunkRow = typeof importChunks.$inferSelect;
export type InvitationBatchRow = typeof invitationBatches.$inferSelect;
