import { eq } from "drizzle-orm";
import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { database } from "../db/client";
import { programmeSessions } from "../db/schema";
import { inAudience } from "../lib/audience";
import { ApiError, ErrorCode, notFound } from "../lib/errors";
import { requireSession } from "../middleware/session";
import { encodeIdentity, IDENTITY_HEADER, SESSION_HEADER } from "../../durable-objects/session/runtime/identity";

/**
 * `GET /api/sessions/:sessionId/ws` — the session websocket. Authentication, the Origin check
 * and the audience rule are settled here, before the upgrade reaches the session's object.
 */
export const sessions = new Hono<AppEnv>().get("/:sessionId/ws", requireSession, async (c) => {
  if (c.req.header("Upgrade")?.toLowerCase() !== "websocket") {
    throw new ApiError(426, ErrorCode.badRequest, "This endpoint only speaks websocket.");
  }
  const origin = c.req.header("Origin");
  const allowed = [new URL(c.req.url).origin, ...c.get("config").allowedOrigins];
  if (!origin || !allowed.includes(origin)) {
    throw new ApiError(403, ErrorCode.forbidden, "This page's origin may not open a session socket.");
  }
  const { registration, event } = c.get("me");
  const sessionId = c.req.param("sessionId");
  const session = await database(c.env.DB).select().from(programmeSessions).where(eq(programmeSessions.id, sessionId)).get();
  if (!session || session.eventId !== event.id) throw notFound("This session");
  if (!inAudience(session.audience, session.id, registration)) {
    throw new ApiError(403, ErrorCode.forbidden, "This session is not part of your programme.");
  }
  const stub = c.env.SESSION_ROOM.get(c.env.SESSION_ROOM.idFromName(session.id));
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
