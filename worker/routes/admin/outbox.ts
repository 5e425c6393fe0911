import { Hono } from "hono";
import type { AppEnv } from "../../app-env";
import type { OutboxMessage, Page } from "../../../core/contract/index";
import { database } from "../../../server/db/client";
import { listOutbox } from "../../../server/db/outbox";
import { decodeCursor, pageOf } from "../../../server/cursor";
import { ApiError, ErrorCode } from "../../../server/errors";
import { visibleWith, workspacesWith } from "../../../server/organizers/access";
import { queryWith } from "../../lib/validation";
import { outboxView } from "../../lib/views";
import { OutboxQuery } from "../../schemas/registrations";

/** `GET /api/admin/outbox` — what the local e-mail provider "sent" that the caller may read, newest first. */
export const adminOutbox = new Hono<AppEnv>().get("/", async (c) => {
  if (c.get("config").email !== "outbox") {
    throw new ApiError(
      409,
      ErrorCode.conflict,
      "E-mail goes through Amazon SES (EMAIL_PROVIDER=ses); there is no local outbox to read.",
    );
  }
  const q = queryWith(c, OutboxQuery);
  const cursor = decodeCursor(q.cursor);
  const organizer = c.get("organizer");
  const { rows, total } = await listOutbox(database(c.env.DB), {
    // Event e-mails of the events they may read registrations of; organizer e-mails (member
    // invitations) of the workspaces they manage.
    visible: visibleWith(organizer, "registrations:read"),
    workspaces: workspacesWith(organizer, "workspace:manage"),
    eventId: q.eventId,
    to: q.to,
    before: cursor,
    limit: q.limit,
  });
  const { items, nextCursor } = pageOf(rows, q.limit, (m) => ({ at: m.createdAt, id: m.id }));
  return c.json({ items: items.map(outboxView), total, nextCursor } satisfies Page<OutboxMessage>);
});
