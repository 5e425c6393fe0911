import { sessionRoom } from "../../server/rooms";
import { Hono } from "hono";
import * as v from "valibot";
import type { AppEnv } from "../app-env";
import {
  MAIN_CALL,
  outputAttendee,
  type CallJoinResponse,
  type StageIngestResponse,
  type StagePlaybackResponse,
} from "../../core/contract/media";
import { database } from "../../server/db/client";
import { ApiError, ErrorCode, validationFailed } from "../../server/errors";
import { requireOwnOrigin, sessionForMe } from "../lib/session-access";
import { CallService } from "../../server/media/call-service";
import { StageService } from "../../server/media/stage-service";
import { requireSignin } from "../middleware/signin";
import { CallJoinBody } from "../schemas/media";
import type { RefusalReason } from "../../core/protocol/rtc";

/** HTTP status for each reason the session object refuses someone a place in a call. */
const REFUSAL_STATUS = {
  no_call: 409,
  removed: 403,
  not_invited: 403,
  not_paired: 403,
  full: 409,
} as const satisfies Record<RefusalReason, 403 | 409>;

/**
 * Per-session media endpoints, with the same sign-in and audience checks as the session
 * websocket:
 * - `GET  /api/sessions/:sessionId/stage` — what the player needs (never a stream key).
 * - `GET  /api/sessions/:sessionId/stage/ingest` — producers only: where to send the broadcast.
 * - `POST /api/sessions/:sessionId/call/join` — a place in the session's call (or a pair's call).
 */
export const sessionMedia = new Hono<AppEnv>()
  .get("/:sessionId/stage", requireSignin, async (c) => {
    const session = await sessionForMe(c, c.req.param("sessionId"));
    const stage = new StageService(database(c.env.DB), c.get("config"));
    return c.json((await stage.playback(session)) satisfies StagePlaybackResponse);
  })
  .get("/:sessionId/stage/ingest", requireSignin, async (c) => {
    const session = await sessionForMe(c, c.req.param("sessionId"));
    if (c.get("me").registration.role !== "producer") {
      throw new ApiError(403, ErrorCode.forbidden, "Only producers can see where to send the stage's broadcast.");
    }
    const stage = new StageService(database(c.env.DB), c.get("config"));
    return c.json((await stage.ingest(session)) satisfies StageIngestResponse);
  })
  .post("/:sessionId/call/join", requireSignin, async (c) => {
    requireOwnOrigin(c, "join a call");
    const session = await sessionForMe(c, c.req.param("sessionId"));
    const text = await c.req.text();
    let raw: unknown = {};
    try {
      raw = text.trim() === "" ? {} : JSON.parse(text);
    } catch {
      throw new ApiError(400, ErrorCode.badRequest, "The request body is not valid JSON.");
    }
    const body = v.safeParse(CallJoinBody, raw);
    if (!body.success) {
      const issue = body.issues[0];
      throw validationFailed({ [v.getDotPath(issue) ?? "body"]: issue.message });
    }
    const call = body.output.call ?? MAIN_CALL;
    const output = body.output.output === true;
    const { registration } = c.get("me");
    // The session's object holds the roster, removals and pairings: it decides who gets in.
    const admission = await sessionRoom(c.env, session.id).callAdmission(
      { registrationId: registration.id, role: registration.role },
      call,
      output,
    );
    if (!admission.ok)
      throw new ApiError(
        REFUSAL_STATUS[admission.reason],
        admission.reason === "full" ? ErrorCode.conflict : ErrorCode.forbidden,
        admission.message,
        { call: admission.reason },
      );
    const calls = new CallService(database(c.env.DB), c.get("config"));
    // An output page is an attendee of its own, so it never takes the producer's own place in the call.
    const attendee = output ? outputAttendee(registration.id) : registration.id;
    return c.json((await calls.join({ sessionId: session.id, call }, attendee)) satisfies CallJoinResponse);
  });
