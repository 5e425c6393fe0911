import { Hono } from "hono";
import type { AppEnv } from "../../app-env";
import type { InvitationView, Page } from "../../../core/contract/index";
import { database } from "../../../server/db/client";
import { requireEvent } from "../../../server/db/events";
import { listInvitations } from "../../../server/db/invitations";
import { decodeCursor, pageOf } from "../../../server/cursor";
import { scheduleInvitations } from "../../../server/invitations/schedule";
import { wakeScheduler } from "../../../server/invitations/scheduler";
import { optionalJsonBody, queryWith } from "../../lib/validation";
import { invitationView } from "../../lib/views";
import { toMillis } from "../../schemas/common";
import { InvitationListQuery, ScheduleInvitationsBody } from "../../schemas/registrations";

/** `/api/admin/events/:eventId/invitations` — send or schedule invitations, and follow them. */
export const adminInvitations = new Hono<AppEnv>()
  .post("/:eventId/invitations", async (c) => {
    const db = database(c.env.DB);
    const event = await requireEvent(db, c.req.param("eventId"));
    const body = await optionalJsonBody(c, ScheduleInvitationsBody);
    const when = body.when === "now" || body.when === "lead-time" ? body.when : toMillis(body.when);
    const result = await scheduleInvitations(
      db,
      event,
      {
        registrationIds: body.registrationIds,
        filter: { role: body.role, q: body.q, invitation: body.invitation },
        when,
        resend: body.resend,
      },
      c.get("actor"),
    );
    await wakeScheduler(c.env);
    return c.json(result, 202);
  })
  .get("/:eventId/invitations", async (c) => {
    const db = database(c.env.DB);
    const event = await requireEvent(db, c.req.param("eventId"));
    const q = queryWith(c, InvitationListQuery);
    const cursor = decodeCursor(q.cursor);
    const { rows, total } = await listInvitations(db, {
      eventId: event.id,
      state: q.state,
      registrationId: q.registrationId,
      limit: q.limit,
      before: cursor ? { createdAt: cursor.at, id: cursor.id } : undefined,
    });
    const page = pageOf(rows, q.limit, (r) => ({ at: r.invitation.createdAt, id: r.invitation.id }));
    return c.json({
      items: page.items.map((r) => invitationView(r.invitation, r.due, { name: r.name, email: r.email })),
      total,
      nextCursor: page.nextCursor,
    } satisfies Page<InvitationView>);
  });
