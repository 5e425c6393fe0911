import { sessionRoom } from "../../server/rooms";
import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { ApiError, ErrorCode } from "../../server/errors";
import { requireOwnOrigin, sessionForMe } from "../lib/session-access";
import { requireSignin } from "../middleware/signin";
import { encodeIdentity, IDENTITY_HEADER, SESSION_HEADER } from "../../server/identity";

/**
 * `GET /api/sessions/:sessionId/ws` — the session websocket. Authentication, the Origin check
 * and the audience rule are settled here, before the upgrade reaches the session's object.
 */
export const sessions = new Hono<AppEnv>().get("/:sessionId/ws", requireSignin, async (c) => {
  if (c.req.header("Upgrade")?.toLowerCase() !== "websocket") {
    throw new ApiError(426, ErrorCode.badRequest, "This endpoint only speaks websocket.");
  }
  requireOwnOrigin(c, "open a session socket");
  const { registration, event } = c.get("me");
  const session = await sessionForMe(c, c.req.param("sessionId"));
  const stub = sessionRoom(c.env, session.id);
  // A fresh request: nothing the client sent besides the upgrade itself reaches the object.
  return stub.fetch(
    new Request(c.req.url, {
      headers: {
        Upgrade: "websocket",
        [SESSION_HEADER]: session.id,
        [IDENTITY_HEADER]: encodeIdentity({
          registrationId: registration.id,
          eventId: event.id,
          name: registration.name,
          role: registration.role,
        }),
      },
    }),
  );
});
