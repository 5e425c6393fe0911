import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { ImportRow } from "../registration/import";
import type { Db } from "./client";
import {
  importChunks,
  type ImportChunkRow,
  importJobs,
  type ImportJobRow,
  invitationBatches,
  invitations,
  type StoredImportRow,
} from "./schema";

const toStored = (r: ImportRow): StoredImportRow => ({
  ...r,
  attributes: Object.fromEntries(Object.entries(r.attributes).map(([k, v]) => [k, v ?? null])),
});

export const fromStored = (r: StoredImportRow): ImportRow => ({
  ...r,
  attributes: Object.fromEntries(Object.entries(r.attributes).map(([k, v]) => [k, v ?? undefined])),
});

/** The job row and its chunks, for one batch with the audit entry (all or nothing). */
export function insertJobSql(db: Db, job: typeof importJobs.$inferInsert, chunks: readonly ImportRow[][]) {
  return [
    db.insert(importJobs).values(job),
    ...chunks.map((rows, seq) => db.insert(importChunks).values({ jobId: job.id, seq, rows: rows.map(toStored) })),
  ];
}

export const findJob = (db: Db, eventId: string, id: string): Promise<ImportJobRow | undefined> =>
  db
    .select()
    .from(importJobs)
    .where(and(eq(importJobs.id, id), eq(importJobs.eventId, eventId)))
    .get();

export const recentJobs = (db: Db, eventId: string, limit: number): Promise<ImportJobRow[]> =>
  db
    .select()
    .from(importJobs)
    .where(eq(importJobs.eventId, eventId))
    .orderBy(desc(importJobs.createdAt), desc(importJobs.id))
    .limit(limit)
    .all();

/**
 * The next chunk to write, of any job: the lowest chunk number first, so jobs started together
 * take turns (chunk 0 of every job before chunk 1 of any) and a small import never waits for a
 * large one to finish.
 */
export async function nextPendingChunk(
  db: Db,
): Promise<(ImportChunkRow & { eventId: string; actor: string }) | undefined> {
  const row = await db
    .select({ chunk: importChunks, eventId: importJobs.eventId, actor: importJobs.actor })
    .from(importChunks)
    .innerJoin(importJobs, eq(importJobs.id, importChunks.jobId))
    .where(isNull(importChunks.doneAt))
    .orderBy(importChunks.seq, importJobs.createdAt)
    .limit(1)
    .get();
  return row && { ...row.chunk, eventId: row.eventId, actor: row.actor };
}

export const hasPendingChunks = async (db: Db): Promise<boolean> =>
  (await db.select({ seq: importChunks.seq }).from(importChunks).where(isNull(importChunks.doneAt)).limit(1).get()) !==
  undefined;

/**
 * The job's counters for one chunk. It only counts while the chunk is still pending, and it runs
 * in the chunk's own transaction before the chunk is marked done, so a chunk written twice (two
 * runs racing) is never counted twice.
 */
export function countChunkSql(
  db: Db,
  chunk: { jobId: string; seq: number },
  counts: { created: number; updated: number; unchanged: number },
  now: number,
) {
  const last = sql`${importJobs.chunksDone} + 1 >= ${importJobs.chunks}`;
  return db
    .update(importJobs)
    .set({
      created: sql`${importJobs.created} + ${counts.created}`,
      updated: sql`${importJobs.updated} + ${counts.updated}`,
      unchanged: sql`${importJobs.unchanged} + ${counts.unchanged}`,
      chunksDone: sql`${importJobs.chunksDone} + 1`,
      state: sql`case when ${last} then 'done' else ${importJobs.state} end`,
      finishedAt: sql`case when ${last} then ${now} else ${importJobs.finishedAt} end`,
    })
    .where(
      and(
        eq(importJobs.id, chunk.jobId),
        sql`exists (select 1 from ${importChunks} where ${importChunks.jobId} = ${chunk.jobId} and ${importChunks.seq} = ${chunk.seq} and ${importChunks.doneAt} is null)`,
      ),
    );
}

/** Marks the chunk written and drops its rows (they live on as registrations). */
export const markChunkDoneSql = (db: Db, chunk: { jobId: string; seq: number }, now: number) =>
  db
    .update(importChunks)
    .set({ doneAt: now, rows: [] })
    .where(and(eq(importChunks.jobId, chunk.jobId), eq(importChunks.seq, chunk.seq), isNull(importChunks.doneAt)));

export const insertBatchSql = (db: Db, batch: typeof invitationBatches.$inferInsert) =>
  db.insert(invitationBatches).values(batch);

export const recentBatches = (db: Db, eventId: string, limit: number) =>
  db
    .select()
    .from(invitationBatches)
    .where(eq(invitationBatches.eventId, eventId))
    .orderBy(desc(invitationBatches.createdAt), desc(invitationBatches.id))
    .limit(limit)
    .all();

export const findBatch = (db: Db, eventId: string, id: string) =>
  db
    .select()
    .from(invitationBatches)
    .where(and(eq(invitationBatches.id, id), eq(invitationBatches.eventId, eventId)))
    .get();

/** How far each batch's invitations are, by state (one grouped count over the batch index). */
export async function batchStates(db: Db, batchIds: readonly string[]): Promise<Map<string, Record<string, number>>> {
  const out = new Map<string, Record<string, number>>();
  if (batchIds.length === 0) return out;
  const rows = await db
    .select({ batchId: invitations.batchId, state: invitations.state, n: sql<number>`count(*)` })
    .from(invitations)
    .where(sql`${invitations.batchId} in (select value from json_each(${JSON.stringify(batchIds)}))`)
    .groupBy(invitations.batchId, invitations.state)
    .all();
  for (const r of rows) {
    if (!r.batchId) continue;
    out.set(r.batchId, { ...(out.get(r.batchId) ?? {}), [r.state]: r.n });
  }
  return out;
}

export type StoredBatch = typeof invitationBatches.$inferSelect;
