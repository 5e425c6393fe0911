import { Hono } from "hono";
import type { AppEnv } from "../../app-env";
import { listAudit } from "../../../server/db/audit";
import { database } from "../../../server/db/client";
import { decodeCursor, pageOf } from "../../../server/cursor";
import { queryWith } from "../../lib/validation";
import { AuditQuery } from "../../schemas/registrations";

/** `GET /api/admin/audit` — who changed what, when; newest first. */
export const adminAudit = new Hono<AppEnv>().get("/", async (c) => {
  const q = queryWith(c, AuditQuery);
  const cursor = decodeCursor(q.cursor);
  const rows = await listAudit(database(c.env.DB), {
    eventId: q.eventId,
    beforeId: cursor ? Number(cursor.id) : undefined,
    limit: q.limit,
  });
  const { items, nextCursor } = pageOf(rows, q.limit, (r) => ({ at: r.at, id: String(r.id) }));
  return c.json({
    items: items.map((r) => ({ ...r, at: new Date(r.at).toISOString() })),
    nextCursor,
  });
});
