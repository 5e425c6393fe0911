import { type Context, Hono } from "hono";
import type { AppEnv } from "../../app-env";
import type { ReportPage, StayRow } from "../../../core/contract/reports";
import { csvCell, toCsv } from "../../../server/csv";
import { database } from "../../../server/db/client";
import { requireEvent } from "../../../server/db/events";
import { noShowsOf, peopleOfEvent } from "../../../server/db/report-queries";
import type { EventRow } from "../../../server/db/schema";
import { notFound } from "../../../server/errors";
import { attendanceOf, eachSessionStays, headcounts } from "../../../server/reports/attendance";
import { engagementOf, peopleReport } from "../../../server/reports/engagement";
import {
  attendanceTable,
  engagementTable,
  noShowsTable,
  peopleTable,
  staysTable,
  type Table,
} from "../../../server/reports/tables";
import { queryWith } from "../../lib/validation";
import { AttendanceQuery, EngagementQuery, RowsQuery, StaysQuery } from "../../schemas/reports";

const csvHeaders = (event: EventRow, name: string) => ({
  "Content-Type": "text/csv; charset=utf-8",
  "Content-Disposition": `attachment; filename="${event.slug}-${name}.csv"`,
  "Cache-Control": "no-store",
});

/** A CSV built in parts (the same format as `toCsv`), sent part by part rather than joined first. */
function csvResponse(event: EventRow, name: string, parts: string[]): Response {
  const encoder = new TextEncoder();
  let i = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i < parts.length) controller.enqueue(encoder.encode(parts[i++]!));
      else controller.close();
    },
  });
  return new Response(body, { headers: csvHeaders(event, name) });
}

/** A CSV download with the registration export's escaping (formula-like cells neutralised). */
function csv(event: EventRow, name: string, table: Table): Response {
  return new Response(toCsv(table), { headers: csvHeaders(event, name) });
}

async function eventOf(c: Context<AppEnv>) {
  const db = database(c.env.DB);
  return { db, event: await requireEvent(db, c.req.param("eventId") ?? "") };
}

const page = <T>(rows: T[], limit: number): ReportPage<T> => ({ items: rows.slice(0, limit), total: rows.length });

/**
 * `/api/admin/events/:eventId/reports/…` — attendance and engagement, during the event and after.
 * Every report answers JSON, or with `?format=csv` a download of the same numbers (a report of
 * several tables names one with `table`). Computed on each request from D1: reports are read a
 * few times by a few organizers, and a cache would show stale numbers while the event runs.
 */
export const adminReports = new Hono<AppEnv>()
  .get("/:eventId/reports/attendance", async (c) => {
    const q = queryWith(c, AttendanceQuery);
    const { db, event } = await eventOf(c);
    const { report } = await attendanceOf(db, event, Date.now());
    return q.format === "csv" ? csv(event, `attendance-${q.table}`, attendanceTable(report, q.table)) : c.json(report);
  })
  .get("/:eventId/reports/stays", async (c) => {
    const q = queryWith(c, StaysQuery);
    const { db, event } = await eventOf(c);
    const names = new Map((await peopleOfEvent(db, event.id)).map((r) => [r.id, r]));
    // Stays are turned into rows (or CSV text) session by session as they are computed: a big
    // event's 200,000 stays as objects at once would not fit the isolate's memory.
    const items: StayRow[] = [];
    const chunks: string[] = [];
    let total = 0;
    const found = await eachSessionStays(db, event, Date.now(), q.sessionId, (session, stays) => {
      total += stays.length;
      const wanted = q.format === "csv" ? stays.length : Math.max(0, q.limit - items.length);
      const rows = stays.slice(0, wanted).map((s) => ({
        sessionId: session.id,
        sessionTitle: session.title,
        registrationId: s.registrationId,
        name: names.get(s.registrationId)?.name ?? "",
        email: names.get(s.registrationId)?.email ?? "",
        from: s.from,
        to: s.to,
        visits: s.visits,
        devices: s.devices,
      }));
      if (q.format === "csv") {
        const [, ...body] = staysTable(rows, event.timezone);
        if (body.length > 0) chunks.push(`${body.map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`);
      } else items.push(...rows);
    });
    if (!found && q.sessionId) throw notFound("This session");
    if (q.format === "json") return c.json({ items, total } satisfies ReportPage<StayRow>);
    const header = staysTable([], event.timezone)[0]!;
    return csvResponse(event, "stays", [`\uFEFF${header.map(csvCell).join(",")}\r\n`, ...chunks]);
  })
  .get("/:eventId/reports/people", async (c) => {
    const q = queryWith(c, RowsQuery);
    const { db, event } = await eventOf(c);
    const rows = await peopleReport(db, event, await attendanceOf(db, event, Date.now(), { peopleOnly: true }));
    return q.format === "csv" ? csv(event, "people", peopleTable(rows, event.timezone)) : c.json(page(rows, q.limit));
  })
  .get("/:eventId/reports/no-shows", async (c) => {
    const q = queryWith(c, RowsQuery);
    const { db, event } = await eventOf(c);
    const result = await noShowsOf(db, event.id, q.format === "csv" ? null : q.limit);
    return q.format === "csv"
      ? csv(event, "no-shows", noShowsTable(result.items, event.timezone))
      : c.json(result satisfies ReportPage<unknown>);
  })
  .get("/:eventId/reports/engagement", async (c) => {
    const q = queryWith(c, EngagementQuery);
    const { db, event } = await eventOf(c);
    const report = await engagementOf(db, event, await headcounts(db, event, Date.now()));
    return q.format === "csv" ? csv(event, `engagement-${q.table}`, engagementTable(report, q.table)) : c.json(report);
  });
