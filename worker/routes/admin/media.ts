import { Hono } from "hono";
import * as v from "valibot";
import type { AppEnv } from "../../app-env";
import { database } from "../../../server/db/client";
import { findSession } from "../../../server/db/sessions";
import { notFound, validationFailed } from "../../../server/errors";
import { CallService } from "../../../server/media/call-service";
import { StageService } from "../../../server/media/stage-service";
import { CallId } from "../../../core/protocol/rtc";
import { ChannelLinkBody } from "../../schemas/media";

/**
 * Organizer media controls (under the admin token):
 * - `PUT    /api/admin/media/stages/:sessionId/channel` — create the stage's IVS channel now (before
 *   the event, so the producer can set up the encoder), or link an existing one with `{ channelArn }`.
 * - `DELETE /api/admin/media/stages/:sessionId/channel` — release it (delete if Foyer made it).
 *   Deleting a stage session must call this first.
 * - `DELETE /api/admin/media/calls/:sessionId/:call` — end a call's meeting now.
 */
export const media = new Hono<AppEnv>()
  .put("/stages/:sessionId/channel", async (c) => {
    const db = database(c.env.DB);
    const session = await findSession(db, c.req.param("sessionId"));
    if (session?.kind !== "stage") throw notFound("This stage");
    const body = v.safeParse(ChannelLinkBody, await c.req.json().catch(() => ({})));
    if (!body.success) throw validationFailed({ [v.getDotPath(body.issues[0]) ?? "body"]: body.issues[0].message });
    const stage = new StageService(db, c.get("config"));
    const channel = body.output.channelArn
      ? await stage.link(session.id, body.output.channelArn)
      : await stage.ensureChannel(session.id);
    return c.json({
      sessionId: session.id,
      channelArn: channel.channelArn,
      playbackUrl: channel.playbackUrl,
      ingestServer: `rtmps://${channel.ingestEndpoint}:443/app/`,
      owned: channel.owned,
    });
  })
  .delete("/stages/:sessionId/channel", async (c) => {
    const stage = new StageService(database(c.env.DB), c.get("config"));
    return c.json(await stage.release(c.req.param("sessionId")));
  })
  .delete("/calls/:sessionId/:call", async (c) => {
    const call = v.safeParse(CallId, c.req.param("call"));
    if (!call.success) throw validationFailed({ call: call.issues[0].message });
    const calls = new CallService(database(c.env.DB), c.get("config"));
    return c.json({ ended: await calls.end({ sessionId: c.req.param("sessionId"), call: call.output }) });
  });
