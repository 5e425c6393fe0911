import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { LocalServer } from "../../scripts/lib/local-server.ts";
import { quietEnv } from "../../scripts/quiet-env.ts";
import { percentile, ratio } from "../lib/stats.ts";

/**
 * Report load times on a big event, in the real runtime: wrangler dev's workerd with its local D1
 * (SQLite behind the same D1 API as production), not Node's sqlite. An event of `registrations`
 * people (a quarter never come) with `visits` visits over ten sessions of a day, reconnects and
 * second devices among them, and some activity; then each report is read `runs` times in a row.
 */
export interface ReportsParams {
  registrations: number;
  visits: number;
  runs: number;
}

export const reportsParams = (): ReportsParams => ({
  registrations: Number(process.env.BENCH_REPORT_REGISTRATIONS ?? 20_000),
  visits: Number(process.env.BENCH_REPORT_VISITS ?? 200_000),
  runs: Number(process.env.BENCH_REPORT_RUNS ?? 7),
});

const root = resolve(import.meta.dirname, "../..");
const HOUR = 3_600_000;
const DEVICES = ["desktop", "mobile", "tablet", "desktop"] as const;
// Multi-row INSERTs: a row binds nothing (literal SQL), so only the statement size limits them.
const ROWS_PER_INSERT = 500;

/** A small deterministic generator, so every run seeds the same event. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function api<T>(server: LocalServer, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${server.origin}${path}`, {
    method: body ? "POST" : "GET",
    headers: { Authorization: `Bearer ${server.apiToken}`, ...(body ? { "Content-Type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : null,
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

function inserts(table: string, columns: string, rows: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT)
    out.push(`INSERT INTO ${table} (${columns}) VALUES ${rows.slice(i, i + ROWS_PER_INSERT).join(",")};`);
  return out;
}

/** Creates the event and its sessions through the API, then the people and visits with SQL. */
async function seed(server: LocalServer, p: ReportsParams): Promise<string> {
  const startsAt = Date.UTC(2026, 5, 1, 7, 0);
  const endsAt = startsAt + 12 * HOUR;
  const event = await api<{ id: string }>(server, "/api/admin/events", {
    slug: `bench-reports-${Date.now().toString(36)}`,
    title: "Reports benchmark",
    timezone: "Europe/Amsterdam",
    startsAt: new Date(startsAt).toISOString(),
    endsAt: new Date(endsAt).toISOString(),
    fields: [],
  });
  const sessions: { id: string; from: number; to: number }[] = [];
  for (let i = 0; i < 10; i++) {
    const from = i === 0 ? startsAt : startsAt + (i - 1) * HOUR;
    const to = i === 0 ? endsAt : from + 2 * HOUR;
    const s = await api<{ id: string }>(server, `/api/admin/events/${event.id}/sessions`, {
      kind: i === 0 ? "stage" : "breakout",
      title: i === 0 ? "Main stage" : `Breakout ${i}`,
      startsAt: new Date(from).toISOString(),
      endsAt: new Date(to).toISOString(),
    });
    sessions.push({ id: s.id, from, to });
  }
  const rand = random(14);
  const people: string[] = [];
  const registrationRows: string[] = [];
  for (let i = 0; i < p.registrations; i++) {
    const id = `reg_bench_${i.toString(36).padStart(5, "0")}`;
    people.push(id);
    registrationRows.push(
      `('${id}','${event.id}','p${i}@bench.test','p${i}@bench.test','Person ${i}',${startsAt - 30 * 86_400_000 + i})`,
    );
  }
  // Three quarters come; the rest are no-shows.
  const comers = people.slice(0, Math.floor(p.registrations * 0.75));
  const visitRows: string[] = [];
  let visitId = 0;
  while (visitRows.length < p.visits) {
    const who = comers[Math.floor(rand() * comers.length)]!;
    const s = sessions[rand() < 0.5 ? 0 : 1 + Math.floor(rand() * 9)]!;
    let at = s.from - 10 * 60_000 + Math.floor(rand() * (s.to - s.from));
    const device = DEVICES[Math.floor(rand() * DEVICES.length)]!;
    // A stay of one to three visits: a reconnect within a minute, or a later return.
    const parts = 1 + Math.floor(rand() * 3);
    for (let k = 0; k < parts && visitRows.length < p.visits; k++) {
      const length = 60_000 + Math.floor(rand() * 40 * 60_000);
      visitRows.push(
        `('${s.id}',${++visitId},'${who}','participant','${device}',${at},${rand() < 0.01 ? "NULL" : at + length})`,
      );
      at += length + (rand() < 0.5 ? 20_000 : 15 * 60_000);
    }
  }
  const activityRows: string[] = [];
  const kinds = ["chat", "question", "upvote", "vote", "answer", "word", "hand"];
  for (let i = 0; i < comers.length; i += 2)
    activityRows.push(
      `('${sessions[0]!.id}','${comers[i]}','${kinds[i % kinds.length]}',${1 + Math.floor(rand() * 10)})`,
    );
  const sql = [
    ...inserts("registrations", "id,event_id,email,email_norm,name,created_at", registrationRows),
    ...inserts("session_attendance", "session_id,visit_id,registration_id,role,device,joined_at,left_at", visitRows),
    ...inserts("session_activity", "session_id,registration_id,kind,count", activityRows),
  ].join("\n");
  const dir = mkdtempSync(join(tmpdir(), "foyer-bench-reports-"));
  try {
    const file = join(dir, "seed.sql");
    writeFileSync(file, sql);
    const run = spawnSync(
      "npx",
      ["wrangler", "d1", "execute", "DB", "--local", "--persist-to", server.stateDir, "--file", file, "--yes"],
      { cwd: root, env: { ...quietEnv(), CI: "true" }, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
    );
    if (run.status !== 0) throw new Error(`seeding failed:\n${run.stdout}\n${run.stderr}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return event.id;
}

/**
 * Each report with its baseline: a plain indexed read of the same event through the same worker
 * and D1, the registrations list's first page for a JSON report and the registrations export
 * (all 20,000 rows) for a CSV. A report costs what it costs beyond that.
 */
const LIST = "registrations?limit=100";
const EXPORT = "registrations/export";
const REPORTS = [
  ["attendance", "reports/attendance", LIST],
  ["attendance CSV (sessions)", "reports/attendance?format=csv&table=sessions", EXPORT],
  ["stays (first 100)", "reports/stays?limit=100", LIST],
  ["stays CSV (all)", "reports/stays?format=csv", EXPORT],
  ["people (first 100)", "reports/people?limit=100", LIST],
  ["people CSV (all)", "reports/people?format=csv", EXPORT],
  ["no-shows (first 100)", "reports/no-shows?limit=100", LIST],
  ["engagement", "reports/engagement", LIST],
] as const;

/** One timed read; the response's size. */
async function read(server: LocalServer, eventId: string, path: string): Promise<{ ms: number; bytes: number }> {
  const url = `${server.origin}/api/admin/events/${eventId}/${path}`;
  const headers = { Authorization: `Bearer ${server.apiToken}` };
  let began = performance.now();
  // A kept-alive connection left idle through the seeding may have been closed by the
  // server: such a failure is the client's, so the read is retried (and timed) afresh.
  const res = await fetch(url, { headers }).catch(() => {
    began = performance.now();
    return fetch(url, { headers });
  });
  const body = await res.arrayBuffer();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${new TextDecoder().decode(body)}`);
  return { ms: performance.now() - began, bytes: body.byteLength };
}

const round = (n: number) => Math.round(n * 10) / 10;
const spread = (warm: number[]) => ({
  runs: warm.length,
  min: round(Math.min(...warm)),
  p50: percentile(warm, 50),
  max: round(Math.max(...warm)),
});

export async function reportsScenario(server: LocalServer, p: ReportsParams) {
  const seedStarted = performance.now();
  const eventId = await seed(server, p);
  const seedSeconds = Math.round((performance.now() - seedStarted) / 100) / 10;
  const times = REPORTS.map(() => ({ report: [] as number[], baseline: [] as number[], bytes: 0, baseBytes: 0 }));
  // Run by run, each report then its baseline, so the machine's noise falls on both alike. The
  // first run warms the isolate and D1's page cache: reported apart from the others.
  for (let i = 0; i < p.runs + 1; i++)
    for (const [k, [, path, baseline]] of REPORTS.entries()) {
      const t = times[k]!;
      const r = await read(server, eventId, path);
      const b = await read(server, eventId, baseline);
      t.report.push(r.ms);
      t.baseline.push(b.ms);
      t.bytes = r.bytes;
      t.baseBytes = b.bytes;
    }
  const results = REPORTS.map(([name, path, baseline], k) => {
    const t = times[k]!;
    const [first, ...warm] = t.report;
    const [baseFirst, ...baseWarm] = t.baseline;
    const ms = spread(warm);
    const baseMs = spread(baseWarm);
    return {
      report: name,
      path,
      bytes: t.bytes,
      firstMs: round(first!),
      ms,
      baseline: { path: baseline, bytes: t.baseBytes, firstMs: round(baseFirst!), ms: baseMs },
      ratioToBaseline: { p50: ratio(ms.p50, baseMs.p50) },
    };
  });
  return {
    scenario: "reports",
    params: p,
    seedSeconds,
    target: "well under a second per report",
    baseline:
      "interleaved run by run with each report: the registrations list's first page (JSON reports) or the registrations export of all rows (CSV reports) of the same event",
    reports: results,
  };
}
