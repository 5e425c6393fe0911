import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import type { CallJoinResponse } from "../../core/contract/media";
import { database } from "../../server/db/client";
import { ApiError, ErrorCode } from "../../server/errors";
import { eventHub } from "../../server/rooms";
import { hubRoomName } from "../../core/protocol/networking";
import { requireOwnOrigin } from "../lib/session-access";
import { jsonBody } from "../lib/validation";
import { CallService } from "../../server/media/call-service";
import { requireSignin } from "../middleware/signin";
import { HubCallJoinBody } from "../schemas/media";
import { encodeIdentity, IDENTITY_HEADER, SESSION_HEADER } from "../../server/identity";

/**
 * The event hub, under `/api/sessions/hub` (mounted before the per-session routes, which would
 * otherwise take `hub` for a session id):
 * - `GET  /hub/ws` — the hub websocket, for every registration of the event: the same cookie and
 *   Origin checks as a session's, and no audience rule (the hub is everyone's).
 * - `POST /hub/call/join {call}` — a place in a 1:1 call; the hub admits only its two people.
 */
export const hub = new Hono<AppEnv>()
  .get("/hub/ws", requireSignin, async (c) => {
    if (c.req.header("Upgrade")?.toLowerCase() !== "websocket") {
      throw new ApiError(426, ErrorCode.badRequest, "This endpoint only speaks websocket.");
    }
    requireOwnOrigin(c, "open the hub socket");
    const { registration, event } = c.get("me");
    return eventHub(c.env, event.id).fetch(
      new Request(c.req.url, {
        headers: {
          Upgrade: "websocket",
          [SESSION_HEADER]: hubRoomName(event.id),
          [IDENTITY_HEADER]: encodeIdentity({
            registrationId: registration.id,
            eventId: event.id,
            name: registration.name,
            role: registration.role,
          }),
        },
      }),
    );
  })
  .post("/hub/call/join", requireSignin, async (c) => {
    requireOwnOrigin(c, "join a call");
    const body = await jsonBody(c, HubCallJoinBody);
    const { registration, event } = c.get("me");
    const admission = await eventHub(c.env, event.id).callAdmission(
      { registrationId: registration.id, role: registration.role },
      body.call,
    );
    if (!admission.ok) {
      const full = admission.reason === "full";
      throw new ApiError(full ? 409 : 403, full ? ErrorCode.conflict : ErrorCode.forbidden, admission.message, {
        call: admission.reason,
      });
    }
    const calls = new CallService(database(c.env.DB), c.get("config"));
    return c.json(
      (await calls.join(
        { sessionId: hubRoomName(event.id), call: body.call },
        registration.id,
      )) satisfies CallJoinResponse,
    );
  });
