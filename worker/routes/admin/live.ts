import { Hono } from "hono";
import type { AppEnv } from "../../app-env";
import type { FollowResponse, LiveResponse } from "../../../core/contract/live";
import { auditEntry } from "../../../server/db/audit";
import { database } from "../../../server/db/client";
import { requireEvent } from "../../../server/db/events";
import { followEveryone, gatherLive } from "../../../server/live/control-room";
import { jsonBody } from "../../lib/validation";
import { FollowBody } from "../../schemas/live";

/**
 * The control room:
 * - `GET  /api/admin/events/:eventId/live` — who is online (in total and per open session), raised
 *   hands waiting, stages' video, invitations and tech checks; figures a live object could not
 *   give in time are null. Read every few seconds by each open control room.
 * - `POST /api/admin/events/:eventId/follow { sessionId }` — send everyone to that session, the
 *   way a moderator does in one session, in every open session at once.
 */
export const adminLive = new Hono<AppEnv>()
  .get("/:eventId/live", async (c) => {
    const db = database(c.env.DB);
    const event = await requireEvent(db, c.req.param("eventId"));
    const live = await gatherLive(c.env, db, c.get("config"), event);
    c.header("Cache-Control", "no-store");
    return c.json(live satisfies LiveResponse);
  })
  .post("/:eventId/follow", async (c) => {
    const db = database(c.env.DB);
    const event = await requireEvent(db, c.req.param("eventId"));
    const body = await jsonBody(c, FollowBody);
    const now = Date.now();
    const result = await followEveryone(c.env, db, event, body.sessionId, now);
    // After the send: the audit records what happened, including sessions that did not answer.
    await auditEntry(
      db,
      c.get("actor"),
      "live.follow",
      {
        eventId: event.id,
        target: `session:${body.sessionId}`,
        details: { sentFrom: result.sentFrom, unreached: result.unreached },
      },
      now,
    );
    return c.json(result satisfies FollowResponse);
  });
