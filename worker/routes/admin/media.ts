import { Hono } from "hono";
import * as v from "valibot";
import type { AppEnv } from "../../app-env";
import { database, type Db } from "../../../server/db/client";
import { auditEntry } from "../../../server/db/audit";
import { requireEvent } from "../../../server/db/events";
import { findSession, sessionsOf } from "../../../server/db/sessions";
import { notFound, validationFailed } from "../../../server/errors";
import { CallService } from "../../../server/media/call-service";
import { StageConsole } from "../../../server/media/stage-console";
import { StageService } from "../../../server/media/stage-service";
import { CallId } from "../../../core/protocol/rtc";
import { ChannelLinkBody } from "../../schemas/media";

async function stageOr404(db: Db, sessionId: string) {
  const session = await findSession(db, sessionId);
  if (session?.kind !== "stage") throw notFound("This stage");
  return session;
}

/**
 * Organizer media controls (under the admin token):
 * - `PUT    /api/admin/media/stages/:sessionId/channel` — create the stage's IVS channel now (before
 *   the event, so the producer can set up the encoder), or link an existing one with `{ channelArn }`.
 * - `DELETE /api/admin/media/stages/:sessionId/channel` — release it (delete if Foyer made it).
 *   Deleting a stage session must call this first.
 * - `DELETE /api/admin/media/calls/:sessionId/:call` — end a call's meeting now.
 * - `GET /api/admin/media/events/:eventId/stages` — each stage's video source and channel (no key).
 * - `POST …/stages/:sessionId/key/reveal` — the ingest server and stream key, audited; a POST so
 *   nothing caches it and a stray GET (a prefetch, a log) never carries it.
 * - `POST …/stages/:sessionId/key/rotate` — a new stream key (the old one stops working).
 * - `GET  …/stages/:sessionId/status` — live or not, health and viewers (IVS GetStream).
 */
export const media = new Hono<AppEnv>()
  .get("/events/:eventId/stages", async (c) => {
    const db = database(c.env.DB);
    const event = await requireEvent(db, c.req.param("eventId"));
    const items = await new StageConsole(db, c.get("config")).list(await sessionsOf(db, event.id));
    return c.json({ items });
  })
  .get("/stages/:sessionId/status", async (c) => {
    const db = database(c.env.DB);
    const session = await stageOr404(db, c.req.param("sessionId"));
    c.header("Cache-Control", "no-store");
    return c.json(await new StageConsole(db, c.get("config")).status(session));
  })
  .post("/stages/:sessionId/key/reveal", async (c) => {
    const db = database(c.env.DB);
    const session = await stageOr404(db, c.req.param("sessionId"));
    const revealed = await new StageConsole(db, c.get("config")).reveal(session);
    // Recorded before the key leaves: a reveal nobody can account for never happens.
    await auditEntry(db, c.get("actor"), "stage.key.reveal", {
      eventId: session.eventId,
      target: `session:${session.id}`,
      details: { channelArn: revealed.channelArn },
    });
    c.header("Cache-Control", "no-store");
    return c.json(revealed);
  })
  .post("/stages/:sessionId/key/rotate", async (c) => {
    const db = database(c.env.DB);
    const session = await stageOr404(db, c.req.param("sessionId"));
    const rotated = await new StageConsole(db, c.get("config")).rotate(session);
    await auditEntry(db, c.get("actor"), "stage.key.rotate", {
      eventId: session.eventId,
      target: `session:${session.id}`,
      details: { channelArn: rotated.channelArn },
    });
    return c.json(rotated);
  })
  .put("/stages/:sessionId/channel", async (c) => {
    const db = database(c.env.DB);
    const session = await stageOr404(db, c.req.param("sessionId"));
    const body = v.safeParse(ChannelLinkBody, await c.req.json().catch(() => ({})));
    if (!body.success) throw validationFailed({ [v.getDotPath(body.issues[0]) ?? "body"]: body.issues[0].message });
    const stage = new StageService(db, c.get("config"));
    const channel = body.output.channelArn
      ? await stage.link(session.id, body.output.channelArn)
      : await stage.ensureChannel(session.id);
    await auditEntry(db, c.get("actor"), body.output.channelArn ? "stage.channel.link" : "stage.channel.create", {
      eventId: session.eventId,
      target: `session:${session.id}`,
      details: { channelArn: channel.channelArn },
    });
    return c.json({
      sessionId: session.id,
      channelArn: channel.channelArn,
      playbackUrl: channel.playbackUrl,
      ingestServer: `rtmps://${channel.ingestEndpoint}:443/app/`,
      owned: channel.owned,
    });
  })
  .delete("/stages/:sessionId/channel", async (c) => {
    const db = database(c.env.DB);
    const session = await findSession(db, c.req.param("sessionId"));
    const released = await new StageService(db, c.get("config")).release(c.req.param("sessionId"));
    if (session && released.released !== "none")
      await auditEntry(db, c.get("actor"), "stage.channel.release", {
        eventId: session.eventId,
        target: `session:${session.id}`,
        details: released,
      });
    return c.json(released);
  })
  .delete("/calls/:sessionId/:call", async (c) => {
    const call = v.safeParse(CallId, c.req.param("call"));
    if (!call.success) throw validationFailed({ call: call.issues[0].message });
    const calls = new CallService(database(c.env.DB), c.get("config"));
    return c.json({ ended: await calls.end({ sessionId: c.req.param("sessionId"), call: call.output }) });
  });
