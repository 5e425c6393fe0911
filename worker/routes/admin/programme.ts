import { Hono } from "hono";
import type { AppEnv } from "../../app-env";
import type { AudienceCount } from "../../../core/contract/programme";
import { audienceReach } from "../../../server/audience-reach";
import { auditEntry } from "../../../server/db/audit";
import { runBatch } from "../../../server/db/batch";
import { database } from "../../../server/db/client";
import { requireEvent } from "../../../server/db/events";
import { findChannel } from "../../../server/db/media";
import { audienceGroupsOf, deleteSession } from "../../../server/db/programme";
import { requireSession } from "../../../server/db/sessions";
import { ApiError, ErrorCode } from "../../../server/errors";
import { jsonBody } from "../../lib/validation";
import { AudienceCountBody } from "../../schemas/programme";

/** `/api/admin/events/:eventId/…`: what the console's programme needs beyond the session routes. */
export const adminProgramme = new Hono<AppEnv>()
  .post("/:eventId/audience/count", async (c) => {
    const db = database(c.env.DB);
    const event = await requireEvent(db, c.req.param("eventId"));
    const body = await jsonBody(c, AudienceCountBody);
    // A session not saved yet has an id no one selected: a `selected` rule reaches only staff.
    const session = { id: body.sessionId ?? "", kind: body.kind ?? "breakout", audience: body.rule };
    return c.json(audienceReach(await audienceGroupsOf(db, event.id), session) satisfies AudienceCount);
  })
  .delete("/:eventId/sessions/:sessionId", async (c) => {
    const db = database(c.env.DB);
    const event = await requireEvent(db, c.req.param("eventId"));
    const session = await requireSession(db, event.id, c.req.param("sessionId"));
    const now = Date.now();
    // Deleting takes the session's results and attendance with it: once it started, they are the
    // organizer's report, so it stays (move it or narrow its audience instead).
    if (session.startsAt <= now) {
      throw new ApiError(409, ErrorCode.conflict, "This session has started: its results and attendance are kept.", {
        sessionId: "has started",
      });
    }
    // A channel record is the only trace of a paid IVS resource (see schema-media.ts).
    if (await findChannel(db, session.id)) {
      throw new ApiError(409, ErrorCode.conflict, "Release or unlink this stage's channel in Media first.", {
        sessionId: "has a media channel",
      });
    }
    await runBatch(db, [
      deleteSession(db, session.id),
      auditEntry(
        db,
        c.get("actor"),
        "session.delete",
        { eventId: event.id, target: `session:${session.id}`, details: { title: session.title, kind: session.kind } },
        now,
      ),
    ]);
    return c.json({ deleted: session.id });
  });
