import { eventsByIds } from "../db/events";
import type { Db } from "../db/client";
import { runBatch } from "../db/batch";
import { countChunkSql, fromStored, markChunkDoneSql, nextPendingChunk } from "../db/imports";
import { ensureAutoInvitations } from "../db/invitations";
import { byEmails, insertRegistrationsSql, updateRegistrationsSql } from "../db/registrations";
import { newId } from "../ids";
import { type NewRegistrationValues, planRow, type UpdatedRegistrationValues } from "../registration/import";

/** Rows a chunk holds: one insert and one update statement each (registrations.ts writes 500 a statement). */
export const CHUNK_ROWS = 500;

/**
 * Writes pending import chunks, one D1 transaction each: the chunk's new and changed
 * registrations, their automatic invitations (as every import queues them), the job's counters
 * and the chunk's "done" mark commit together or not at all. What can go wrong, and what happens:
 *
 * - the run dies before the commit: nothing of the chunk was written; it is still pending and the
 *   next run (the object's alarm is set ahead before any work) writes it — once;
 * - it dies after the commit: the chunk is done and never picked again; the counters already
 *   include it;
 * - two runs write the same chunk (a retried alarm beside a late one): the second run's new
 *   registrations hit the unique (event, e-mail) index and its whole transaction rolls back; it
 *   reads the chunk again and finds it done. Its updates would only write the same values again,
 *   and the counters only move while the chunk is pending, so nothing is counted or created twice;
 * - someone registers an e-mail of the file between the check and the write: the insert fails
 *   the same way, and the second reading plans that row as an update.
 */

/** Crash points, so tests can stop the runner exactly there (a hook that throws is a crash). */
export interface RunnerHooks {
  /** The chunk is planned; nothing is written yet. */
  beforeCommit?(chunk: { jobId: string; seq: number }): void | Promise<void>;
  /** The chunk's transaction committed; the run has not moved on. */
  afterCommit?(chunk: { jobId: string; seq: number }): void | Promise<void>;
}

export interface RunnerOptions {
  db: Db;
  /** Stop taking new chunks after this long, so one alarm run stays short. */
  budgetMs?: number;
  now?: () => number;
  hooks?: RunnerHooks;
}

export interface RunnerReport {
  chunks: number;
  /** New registrations (with invitations queued): the caller wakes the scheduler. */
  created: number;
  /** Stopped at the budget with chunks possibly left. */
  more: boolean;
}

export async function runImportChunks(o: RunnerOptions): Promise<RunnerReport> {
  const now = o.now ?? Date.now;
  const started = now();
  const report: RunnerReport = { chunks: 0, created: 0, more: false };
  const retried = new Set<string>();
  for (;;) {
    if (now() - started >= (o.budgetMs ?? 10_000)) {
      report.more = true;
      return report;
    }
    const chunk = await nextPendingChunk(o.db);
    if (!chunk) return report;
    const key = `${chunk.jobId}:${chunk.seq}`;
    try {
      report.created += await writeChunk(o, chunk, now());
      report.chunks++;
    } catch (err) {
      // Someone else wrote one of its e-mails first (another run of this chunk, or a person
      // registering): nothing of it was written. Read it again once, which plans that row as an
      // update or finds the chunk done; a second failure is a real one.
      if (!isUniqueViolation(err) || retried.has(key)) throw err;
      retried.add(key);
    }
  }
}

const isUniqueViolation = (err: unknown) => /UNIQUE constraint failed/i.test(String(err));

async function writeChunk(
  o: RunnerOptions,
  chunk: NonNullable<Awaited<ReturnType<typeof nextPendingChunk>>>,
  now: number,
): Promise<number> {
  const [event] = await eventsByIds(o.db, [chunk.eventId]);
  if (!event) return 0; // The event was deleted; its jobs and chunks go with it.
  const rows = chunk.rows.map(fromStored);
  const existing = await byEmails(
    o.db,
    event.id,
    rows.map((r) => r.emailNorm),
  );
  const creates: (NewRegistrationValues & { id: string })[] = [];
  const updates: (UpdatedRegistrationValues & { id: string })[] = [];
  let unchanged = 0;
  for (const row of rows) {
    const plan = planRow(row, existing.get(row.emailNorm), event.defaultLanguage);
    switch (plan.status) {
      case "created":
        creates.push({ id: newId("reg"), ...plan.values });
        break;
      case "updated":
        updates.push({ id: plan.id, ...plan.values });
        break;
      case "unchanged":
        unchanged++;
        break;
      default:
        plan satisfies never;
    }
  }
  const key = { jobId: chunk.jobId, seq: chunk.seq };
  await o.hooks?.beforeCommit?.(key);
  await runBatch(o.db, [
    // First, while the chunk is still pending: a second run of a done chunk counts nothing.
    countChunkSql(o.db, key, { created: creates.length, updated: updates.length, unchanged }, now),
    ...insertRegistrationsSql(o.db, event.id, creates, now),
    ...updateRegistrationsSql(o.db, updates, now),
    ...(creates.length > 0
      ? [
          ensureAutoInvitations(
            o.db,
            event.id,
            creates.map((c) => c.id),
          ),
        ]
      : []),
    markChunkDoneSql(o.db, key, now),
  ]);
  await o.hooks?.afterCommit?.(key);
  return creates.length;
}
