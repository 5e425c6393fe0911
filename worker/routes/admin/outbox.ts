import { and, desc, eq, lt, or, sql } from "drizzle-orm";
import { Hono } from "hono";
import type { AppEnv } from "../../app-env";
import type { OutboxMessage, Page } from "../../../core/contract/index";
import { database } from "../../../server/db/client";
import { outbox } from "../../../server/db/schema";
import { decodeCursor, pageOf } from "../../../server/cursor";
import { ApiError, ErrorCode } from "../../../server/errors";
import { queryWith } from "../../lib/validation";
import { outboxView } from "../../lib/views";
import { OutboxQuery } from "../../schemas/registrations";

/** `GET /api/admin/outbox` — what the local e-mail provider "sent", newest first. */
export const adminOutbox = new Hono<AppEnv>().get("/", async (c) => {
  if (c.get("config").email !== "outbox") {
    throw new ApiError(409, ErrorCode.conflict, "E-mail goes through Amazon SES (EMAIL_PROVIDER=ses); there is no local outbox to read.");
  }
  const q = queryWith(c, OutboxQuery);
  const cursor = decodeCursor(q.cursor);
  const db = database(c.env.DB);
  const where = and(
    q.eventId ? eq(outbox.eventId, q.eventId) : undefined,
    q.to ? sql`lower(${outbox.toAddress}) = ${q.to.trim().toLowerCase()}` : undefined,
  );
  const page = cursor ? and(where, or(lt(outbox.createdAt, cursor.at), and(eq(outbox.createdAt, cursor.at), lt(outbox.id, cursor.id)))) : where;
  const [rows, total] = await Promise.all([
    db.select().from(outbox).where(page).orderBy(desc(outbox.createdAt), desc(outbox.id)).limit(q.limit + 1).all(),
    db.select({ n: sql<number>`count(*)` }).from(outbox).where(where).get(),
  ]);
  const { items, nextCursor } = pageOf(rows, q.limit, (m) => ({ at: m.createdAt, id: m.id }));
  return c.json({ items: items.map(outboxView), total: total?.n ?? 0, nextCursor } satisfies Page<OutboxMessage>);
});
