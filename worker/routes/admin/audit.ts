import { Hono } from "hono";
import type { AppEnv } from "../../app-env";
import type { AuditEntryView } from "../../../core/contract/organizers";
import { listAudit } from "../../../server/db/audit";
import { database } from "../../../server/db/client";
import { decodeCursor, pageOf } from "../../../server/cursor";
import { visibleWith } from "../../../server/organizers/access";
import { auditView } from "../../lib/organizer-views";
import { queryWith } from "../../lib/validation";
import { AuditQuery } from "../../schemas/organizers";

/**
 * `GET /api/admin/audit?workspaceId=&personId=&eventId=` — who changed what, when; newest first.
 * Only entries of workspaces (and events) where the caller may read the audit log.
 */
export const adminAudit = new Hono<AppEnv>().get("/", async (c) => {
  const q = queryWith(c, AuditQuery);
  const cursor = decodeCursor(q.cursor);
  const rows = await listAudit(database(c.env.DB), {
    visible: visibleWith(c.get("organizer"), "audit:read"),
    workspaceId: q.workspaceId,
    personId: q.personId,
    eventId: q.eventId,
    beforeId: cursor ? Number(cursor.id) : undefined,
    limit: q.limit,
  });
  const { items, nextCursor } = pageOf(rows, q.limit, (r) => ({ at: r.at, id: String(r.id) }));
  return c.json({ items: items.map(auditView) satisfies AuditEntryView[], nextCursor });
});
