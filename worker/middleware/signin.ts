import { getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env";
import { database } from "../../server/db/client";
import { findEvent } from "../../server/db/events";
import { findRegistration } from "../../server/db/registrations";
import { ApiError, ErrorCode } from "../../server/errors";
import { SIGNIN_COOKIE } from "../../server/links";
import { verifyToken } from "../../server/tokens";

/**
 * A participant, moderator or producer signed in through their personal link. The cookie proves
 * who they are; the registration row (read fresh) says what they may do now: a rotated or revoked
 * link ends every session issued under the old link version.
 */
export const requireSignin = createMiddleware<AppEnv>(async (c, next) => {
  // Sub-apps mounted on the same prefix (`/api/me`) each run it: read D1 once a request.
  if (c.get("me")) return next();
  const token = getCookie(c, SIGNIN_COOKIE);
  if (!token)
    throw new ApiError(401, ErrorCode.unauthorized, "Open your personal link from the invitation e-mail to sign in.");
  const result = await verifyToken(c.get("config").signingKeys, "session", token, Math.floor(Date.now() / 1000));
  if (!result.ok) {
    throw new ApiError(
      401,
      ErrorCode.unauthorized,
      result.reason === "expired"
        ? "Your session has expired. Open your personal link again."
        : "Your session is not valid. Open your personal link again.",
    );
  }
  const db = database(c.env.DB);
  const registration = await findRegistration(db, result.claims.registrationId);
  if (
    !registration ||
    registration.eventId !== result.claims.eventId ||
    registration.linkVersion !== result.claims.linkVersion ||
    registration.linkRevokedAt !== null
  ) {
    throw new ApiError(
      401,
      ErrorCode.unauthorized,
      "This personal link is no longer valid. Ask the organizer for a new one.",
    );
  }
  const event = await findEvent(db, registration.eventId);
  if (!event) throw new ApiError(401, ErrorCode.unauthorized, "This event no longer exists.");
  c.set("me", { registration, event });
  await next();
});
