import { runDurableObjectAlarm } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { AdminRegistration, Page } from "../../core/contract/index";
import type {
  ImportCheck,
  ImportColumn,
  ImportFileRow,
  ImportJobView,
  ImportRequest,
  InvitationBatchView,
} from "../../core/contract/imports";
import { suggestColumn } from "../../core/rules/import-columns";
import { parseCsv } from "../../server/csv";
import { runBatch } from "../../server/db/batch";
import { database } from "../../server/db/client";
import { requireEvent } from "../../server/db/events";
import { insertJobSql } from "../../server/db/imports";
import { checkImport } from "../../server/imports/check";
import { CHUNK_ROWS, runImportChunks } from "../../server/imports/runner";
import { importRunnerStub } from "../../server/imports/wake";
import { admin, adminJson, createEvent } from "./helpers";
import { runScheduler } from "./scheduler";

/**
 * The console's large imports: a check that writes nothing, a background job written chunk by
 * chunk by the import runner (exact after crashes), and invitation batches with their progress.
 */
const db = () => database(env.DB);
class Crash extends Error {}

const HEADER = ["Name", "E-mail", "Ticket", "I accept the terms", "Organisation"];
const COLUMNS: ImportColumn[] = [
  { kind: "name" },
  { kind: "email" },
  { kind: "attribute", key: "ticket" },
  { kind: "attribute", key: "terms" },
  { kind: "attribute", key: "organisation" },
];
const person = (i: number, slug: string): ImportFileRow => ({
  row: i + 2,
  cells: [`Person ${i}`, `p${i}.${slug}@example.com`, i % 2 ? "vip" : "standard", "yes", `Org ${i % 7}`],
});
const file = (rows: ImportFileRow[], header = HEADER, columns = COLUMNS): ImportRequest => ({ header, columns, rows });

const check = (eventId: string, body: ImportRequest) =>
  adminJson<ImportCheck>(`/api/admin/events/${eventId}/imports/check`, { method: "POST", json: body });
const start = (eventId: string, body: ImportRequest) =>
  adminJson<{ job: ImportJobView; check: ImportCheck }>(`/api/admin/events/${eventId}/imports`, {
    method: "POST",
    json: body,
  });
const jobOf = async (eventId: string, id: string) =>
  (await adminJson<ImportJobView>(`/api/admin/events/${eventId}/imports/${id}`)).body;
const total = async (eventId: string, query = "") =>
  (await adminJson<Page<AdminRegistration>>(`/api/admin/events/${eventId}/registrations?limit=1${query}`)).body.total;

/** Waits for the job, running the runner's alarm when it has not fired on its own yet. */
async function finished(eventId: string, id: string, timeoutMs = 240_000): Promise<ImportJobView> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const job = await jobOf(eventId, id);
    if (job.state === "done") return job;
    if (Date.now() > until) throw new Error(`import ${id} not done: ${JSON.stringify(job)}`);
    await runDurableObjectAlarm(importRunnerStub(env));
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("imports from the console", () => {
  it("checks a file without writing anything, naming each bad row's column and reason", async () => {
    const event = await createEvent();
    const rows = [0, 1, 2, 3].map((i) => person(i, event.slug));
    rows[1]!.cells[1] = "not-an-address";
    rows[2]!.cells[2] = "gold";
    rows[3]!.cells[1] = rows[0]!.cells[1]!;
    const { status, body } = await check(event.id, file(rows));
    expect(status).toBe(200);
    expect(body.counts).toEqual({ rows: 4, created: 1, updated: 0, unchanged: 0, invalid: 3 });
    expect(body.problems).toEqual([
      // A code per problem for the console to say in its language; the English reason for API users.
      { row: 3, column: "E-mail", field: "email", code: "invalid_email", reason: expect.any(String) },
      {
        row: 4,
        column: "Ticket",
        field: "attributes.ticket",
        code: "not_one_of",
        params: { options: expect.stringContaining("standard") },
        reason: expect.stringContaining("standard"),
      },
      {
        row: 5,
        column: "E-mail",
        field: "email",
        code: "duplicate_email",
        params: { line: 2 },
        reason: "is also on line 2",
      },
    ]);
    expect(await total(event.id)).toBe(0);
    const jobs = await adminJson<{ items: ImportJobView[] }>(`/api/admin/events/${event.id}/imports`);
    expect(jobs.body.items).toEqual([]);
    // A mapping without an e-mail column is refused as a whole, named by its field.
    const bad = await adminJson<{ error: { fields: Record<string, string> } }>(
      `/api/admin/events/${event.id}/imports/check`,
      {
        method: "POST",
        json: file(rows, HEADER, [{ kind: "name" }, ...COLUMNS.slice(1).map(() => ({ kind: "ignored" as const }))]),
      },
    );
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields.columns).toContain("email");
  });

  it("imports the good rows in the background, skips the bad ones, and counts exactly", async () => {
    const event = await createEvent();
    const rows = [0, 1, 2].map((i) => person(i, event.slug));
    rows[2]!.cells[2] = "gold";
    const { status, body } = await start(event.id, file(rows));
    expect(status).toBe(202);
    expect(body.job).toMatchObject({ total: 3, failed: 1 });
    const job = await finished(event.id, body.job.id);
    expect(job).toMatchObject({ state: "done", total: 3, done: 2, failed: 1, created: 2, updated: 0, unchanged: 0 });
    expect(await total(event.id)).toBe(2);
    // As every import, new people get their automatic invitation.
    expect(await total(event.id, "&invitation=queued")).toBe(2);
  });

  it("a chunk retried after a crash writes nothing twice", async () => {
    const event = await createEvent();
    const n = CHUNK_ROWS * 2 + 10;
    const rows = Array.from({ length: n }, (_, i) => person(i, event.slug));
    const row = await requireEvent(db(), event.id);
    const checked = await checkImport(db(), row, file(rows));
    const chunks = [];
    for (let i = 0; i < checked.rows.length; i += CHUNK_ROWS) chunks.push(checked.rows.slice(i, i + CHUNK_ROWS));
    // Written straight to D1 (not through the route), so the runner object does not start on it.
    const id = `imp_crash_${event.slug}`;
    await runBatch(
      db(),
      insertJobSql(db(), { id, eventId: event.id, total: n, chunks: chunks.length, actor: "test" }, chunks),
    );
    // Crash after the first chunk committed but before the runner moved on…
    let commits = 0;
    await expect(
      runImportChunks({
        db: db(),
        hooks: {
          afterCommit: () => {
            commits++;
            throw new Crash("after commit");
          },
        },
      }),
    ).rejects.toThrow(Crash);
    expect(commits).toBe(1);
    expect(await total(event.id)).toBe(CHUNK_ROWS);
    // …then before the second chunk's commit…
    await expect(
      runImportChunks({
        db: db(),
        hooks: {
          beforeCommit: (c) => {
            if (c.jobId === id && c.seq === 1) throw new Crash("before commit");
          },
        },
      }),
    ).rejects.toThrow(Crash);
    expect(await total(event.id)).toBe(CHUNK_ROWS);
    // …then the retry: every person once, every count exact.
    await runImportChunks({ db: db() });
    expect(await total(event.id)).toBe(n);
    expect(await total(event.id, "&invitation=queued")).toBe(n);
    expect(await jobOf(event.id, id)).toMatchObject({ state: "done", done: n, created: n, failed: 0 });
    // Two runs racing on one chunk: the later commit is refused whole, nothing counted twice.
    const few = [n, n + 1, n + 2].map((i) => person(i, event.slug));
    const raced = `imp_race_${event.slug}`;
    const fewRows = (await checkImport(db(), row, file(few))).rows;
    await runBatch(
      db(),
      insertJobSql(db(), { id: raced, eventId: event.id, total: 3, chunks: 1, actor: "test" }, [fewRows]),
    );
    let inner: Promise<unknown> | undefined;
    let commitsTried = 0;
    await runImportChunks({
      db: db(),
      hooks: {
        // The other run takes the same chunk and commits first; this one's commit is refused whole
        // and it reads the chunk again, finding it done.
        beforeCommit: async () => {
          commitsTried++;
          inner ??= runImportChunks({ db: db() });
          await inner;
        },
      },
    });
    expect(commitsTried).toBe(1);
    expect(await jobOf(event.id, raced)).toMatchObject({ state: "done", created: 3, done: 3 });
    expect(await total(event.id)).toBe(n + 3);
  });

  it("exporting and importing the export changes nothing", async () => {
    const event = await createEvent();
    const rows = [0, 1, 2, 3, 4].map((i) => person(i, event.slug));
    rows[0]!.cells[0] = "=cmd|' /C calc'!A0"; // formula-like: neutralised by the export, restored by the import
    rows[1]!.cells[4] = 'Quote "and", comma';
    const first = await start(event.id, file(rows));
    await finished(event.id, first.body.job.id);
    const before = (await adminJson<Page<AdminRegistration>>(`/api/admin/events/${event.id}/registrations?limit=50`))
      .body.items;
    const exported = await (await admin(`/api/admin/events/${event.id}/registrations/export`)).text();
    const parsed = parseCsv(exported);
    if (!parsed.ok) throw new Error(parsed.message);
    const [header, ...records] = parsed.records;
    const event2 = await requireEvent(db(), event.id);
    const request = file(
      records.map((r, i) => ({ row: i + 2, cells: r.cells })),
      header!.cells,
      header!.cells.map((h) => suggestColumn(h, event2.fields) ?? { kind: "ignored" }),
    );
    const preview = await check(event.id, request);
    expect(preview.body.counts).toEqual({ rows: 5, created: 0, updated: 0, unchanged: 5, invalid: 0 });
    const second = await start(event.id, request);
    expect(await finished(event.id, second.body.job.id)).toMatchObject({ unchanged: 5, created: 0, updated: 0 });
    const after = (await adminJson<Page<AdminRegistration>>(`/api/admin/events/${event.id}/registrations?limit=50`))
      .body.items;
    expect(after).toEqual(before);
  });
});

describe("a 50,000-row import", () => {
  it("completes in the background with exact counts", { timeout: 600_000 }, async () => {
    const event = await createEvent();
    const n = 50_000;
    const rows = Array.from({ length: n }, (_, i) => person(i, event.slug));
    rows[777]!.cells[1] = "broken";
    rows[4242]!.cells[2] = "gold";
    const started = Date.now();
    const { status, body } = await start(event.id, file(rows));
    expect(status).toBe(202);
    const accepted = Date.now();
    const job = await finished(event.id, body.job.id);
    const done = Date.now();
    console.log(
      `50,000-row import: accepted in ${accepted - started} ms, written in ${done - accepted} ms, ${done - started} ms in all`,
    );
    expect(job).toMatchObject({
      state: "done",
      total: n,
      done: n - 2,
      failed: 2,
      created: n - 2,
      updated: 0,
      unchanged: 0,
    });
    expect(await total(event.id)).toBe(n - 2);
  });
});

describe("invitations to a filtered set", () => {
  it("sends to everyone the filter matches and counts the batch's progress", async () => {
    const event = await createEvent();
    const rows = Array.from({ length: 6 }, (_, i) => person(i, event.slug));
    const job = await start(event.id, file(rows));
    await finished(event.id, job.body.job.id);
    // Make two of them moderators; the batch goes to the participants not yet invited.
    const list = (await adminJson<Page<AdminRegistration>>(`/api/admin/events/${event.id}/registrations?limit=50`)).body
      .items;
    for (const r of list.slice(0, 2))
      await adminJson(`/api/admin/events/${event.id}/registrations/${r.id}`, {
        method: "PATCH",
        json: { role: "moderator" },
      });
    const sent = await adminJson<InvitationBatchView>(`/api/admin/events/${event.id}/invitation-batches`, {
      method: "POST",
      json: { role: "participant", invitation: "queued" },
    });
    expect(sent.status).toBe(202);
    expect(sent.body).toMatchObject({
      matched: 4,
      total: 4,
      skipped: 0,
      filter: { role: "participant", invitation: "queued" },
    });
    expect(sent.body.sent + sent.body.queued).toBe(4);
    for (let i = 0; i < 50; i++) {
      const now = (
        await adminJson<InvitationBatchView>(`/api/admin/events/${event.id}/invitation-batches/${sent.body.id}`)
      ).body;
      if (now.sent === 4) break;
      await runScheduler();
      await new Promise((r) => setTimeout(r, 100));
    }
    const progress = (
      await adminJson<{ items: InvitationBatchView[] }>(`/api/admin/events/${event.id}/invitation-batches`)
    ).body.items;
    expect(progress[0]).toMatchObject({ id: sent.body.id, total: 4, sent: 4, queued: 0, failed: 0 });
    // The moderators' automatic invitations still wait for the event's invitation time.
    expect(await total(event.id, "&role=moderator&invitation=queued")).toBe(2);
    // Sending again to the same filter finds no one left; to everyone, the four are skipped.
    const again = await adminJson<InvitationBatchView>(`/api/admin/events/${event.id}/invitation-batches`, {
      method: "POST",
      json: { role: "participant" },
    });
    expect(again.body).toMatchObject({ matched: 4, total: 0, skipped: 4 });
  });
});
