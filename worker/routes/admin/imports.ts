import { Hono } from "hono";
import type { AppEnv } from "../../app-env";
import type { ImportJobView, InvitationBatchView } from "../../../core/contract/imports";
import { auditEntry } from "../../../server/db/audit";
import { runBatch } from "../../../server/db/batch";
import { database } from "../../../server/db/client";
import { requireEvent } from "../../../server/db/events";
import {
  batchStates,
  findBatch,
  findJob,
  insertBatchSql,
  insertJobSql,
  recentBatches,
  recentJobs,
  type StoredBatch,
} from "../../../server/db/imports";
import type { ImportJobRow } from "../../../server/db/schema";
import { notFound } from "../../../server/errors";
import { newId } from "../../../server/ids";
import { checkImport } from "../../../server/imports/check";
import { CHUNK_ROWS } from "../../../server/imports/runner";
import { wakeImports } from "../../../server/imports/wake";
import { scheduleInvitations } from "../../../server/invitations/schedule";
import { wakeScheduler } from "../../../server/invitations/scheduler";
import { jsonBody } from "../../lib/validation";
import { ImportBody, InvitationBatchBody } from "../../schemas/imports";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

const jobView = (j: ImportJobRow): ImportJobView => ({
  id: j.id,
  state: j.state,
  total: j.total,
  done: j.created + j.updated + j.unchanged,
  failed: j.failed,
  created: j.created,
  updated: j.updated,
  unchanged: j.unchanged,
  createdAt: iso(j.createdAt)!,
  finishedAt: iso(j.finishedAt),
});

function batchView(b: StoredBatch, states: Record<string, number> | undefined): InvitationBatchView {
  const n = (state: string) => states?.[state] ?? 0;
  const sent = n("sent");
  const failed = n("failed");
  const queued = n("queued") + n("sending");
  return {
    id: b.id,
    matched: b.matched,
    total: sent + failed + queued,
    queued,
    sent,
    failed,
    skipped: b.skipped,
    filter: b.filter,
    createdAt: iso(b.createdAt)!,
  };
}

/**
 * `/api/admin/events/:eventId/imports` — imports too large for one request: a check that writes
 * nothing (the preview), then a job the import runner object writes chunk by chunk, which the
 * console follows. `…/invitation-batches` — "send invitations to these N" and its progress.
 */
export const adminImports = new Hono<AppEnv>()
  .post("/:eventId/imports/check", async (c) => {
    const db = database(c.env.DB);
    const event = await requireEvent(db, c.req.param("eventId"));
    const body = await jsonBody(c, ImportBody);
    const { check } = await checkImport(db, event, body);
    return c.json(check);
  })
  .post("/:eventId/imports", async (c) => {
    const db = database(c.env.DB);
    const event = await requireEvent(db, c.req.param("eventId"));
    const body = await jsonBody(c, ImportBody);
    // Checked again rather than trusting the preview: the file or the registrations may have changed.
    const { rows, check } = await checkImport(db, event, body);
    const chunks: (typeof rows)[] = [];
    for (let i = 0; i < rows.length; i += CHUNK_ROWS) chunks.push(rows.slice(i, i + CHUNK_ROWS));
    const now = Date.now();
    const id = newId("imp");
    const actor = c.get("actor");
    // Invalid rows are never written; with no valid row the job is done as it starts.
    await runBatch(db, [
      ...insertJobSql(
        db,
        {
          id,
          eventId: event.id,
          state: chunks.length === 0 ? "done" : "running",
          total: check.counts.rows,
          failed: check.counts.invalid,
          chunks: chunks.length,
          actor: actor.actor,
          createdAt: now,
          finishedAt: chunks.length === 0 ? now : null,
        },
        chunks,
      ),
      auditEntry(
        db,
        actor,
        "registration.import",
        { eventId: event.id, target: `import:${id}`, details: { source: "console", ...check.counts } },
        now,
      ),
    ]);
    await wakeImports(c.env);
    const job = await findJob(db, event.id, id);
    return c.json({ job: jobView(job!), check }, 202);
  })
  .get("/:eventId/imports", async (c) => {
    const db = database(c.env.DB);
    const event = await requireEvent(db, c.req.param("eventId"));
    return c.json({ items: (await recentJobs(db, event.id, 5)).map(jobView) });
  })
  .get("/:eventId/imports/:jobId", async (c) => {
    const db = database(c.env.DB);
    const event = await requireEvent(db, c.req.param("eventId"));
    const job = await findJob(db, event.id, c.req.param("jobId"));
    if (!job) throw notFound(`Import ${JSON.stringify(c.req.param("jobId").slice(0, 80))}`);
    return c.json(jobView(job));
  })
  .post("/:eventId/invitation-batches", async (c) => {
    const db = database(c.env.DB);
    const event = await requireEvent(db, c.req.param("eventId"));
    const body = await jsonBody(c, InvitationBatchBody);
    const filter = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined && v !== ""));
    const id = newId("ibt");
    const actor = c.get("actor");
    const now = Date.now();
    await scheduleInvitations(
      db,
      event,
      {
        filter: { q: body.q, role: body.role, invitation: body.invitation },
        when: "now",
        resend: false,
        batch: {
          id,
          statement: (r) =>
            insertBatchSql(db, {
              id,
              eventId: event.id,
              filter,
              matched: r.matched,
              skipped: r.skipped.alreadySent + r.skipped.inFlight + r.skipped.revoked,
              actor: actor.actor,
              createdAt: now,
            }),
        },
      },
      actor,
      now,
    );
    await wakeScheduler(c.env);
    const batch = await findBatch(db, event.id, id);
    return c.json(batchView(batch!, (await batchStates(db, [id])).get(id)), 202);
  })
  .get("/:eventId/invitation-batches", async (c) => {
    const db = database(c.env.DB);
    const event = await requireEvent(db, c.req.param("eventId"));
    const batches = await recentBatches(db, event.id, 5);
    const states = await batchStates(
      db,
      batches.map((b) => b.id),
    );
    return c.json({ items: batches.map((b) => batchView(b, states.get(b.id))) });
  })
  .get("/:eventId/invitation-batches/:batchId", async (c) => {
    const db = database(c.env.DB);
    const event = await requireEvent(db, c.req.param("eventId"));
    const batch = await findBatch(db, event.id, c.req.param("batchId"));
    if (!batch) throw notFound(`Invitation batch ${JSON.stringify(c.req.param("batchId").slice(0, 80))}`);
    return c.json(batchView(batch, (await batchStates(db, [batch.id])).get(batch.id)));
  });
