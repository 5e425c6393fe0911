import { and, desc, eq, lt } from "drizzle-orm";
import { Hono } from "hono";
import type { AppEnv } from "../../app-env";
import { database } from "../../../server/db/client";
import { auditLog } from "../../../server/db/schema";
import { decodeCursor, pageOf } from "../../../server/cursor";
import { queryWith } from "../../lib/validation";
import { AuditQuery } from "../../schemas/registrations";

/** `GET /api/admin/audit` — who changed what, when; newest first. */
export const adminAudit = new Hono<AppEnv>().get("/", async (c) => {
  const q = queryWith(c, AuditQuery);
  const cursor = decodeCursor(q.cursor);
  const rows = await database(c.env.DB)
    .select()
    .from(auditLog)
    // Ids only grow, so the id alone orders the log and pages it.
    .where(and(q.eventId ? eq(auditLog.eventId, q.eventId) : undefined, cursor ? lt(auditLog.id, Number(cursor.id)) : undefined))
    .orderBy(desc(auditLog.id))
    .limit(q.limit + 1)
    .all();
  const { items, nextCursor } = pageOf(rows, q.limit, (r) => ({ at: r.at, id: String(r.id) }));
  return c.json({
    items: items.map((r) => ({ ...r, at: new Date(r.at).toISOString() })),
    nextCursor,
  });
});
