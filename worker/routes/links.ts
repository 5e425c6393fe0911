import { Hono } from "hono";
import { setCookie } from "hono/cookie";
import type { AppEnv } from "../app-env";
import { database } from "../../server/db/client";
import { insertInvitations, recentPersonalEmail } from "../../server/db/invitations";
import { markLinkOpened } from "../../server/db/live";
import { checkClaims } from "../../server/db/registrations";
import { ApiError, ErrorCode } from "../../server/errors";
import { LINK_EMAIL_COOLDOWN_MS } from "../../server/invitations/policy";
import { wakeScheduler } from "../../server/invitations/scheduler";
import { claimsFor, SIGNIN_COOKIE } from "../../server/links";
import { cookieSecure } from "../../server/cookies";
import { Pages, servePage } from "../lib/pages";
import { clientKey, enforceLimit } from "../lib/rate-limit";
import { signToken, verifyToken } from "../../server/tokens";
import { jsonBody } from "../lib/validation";
import { LinkRequestBody } from "../schemas/registrations";

/** "a•••@example.com": enough for the holder to recognise their address, not to learn someone's. */
export const maskEmail = (email: string) => email.replace(/^(.)[^@]*(@.*)$/, "$1•••$2");

/**
 * `GET /j/:token` — a personal link. A good link sets the session cookie and redirects to the
 * portal, so the token leaves the address bar (and the history). A bad one gets the client's
 * explanation page with the right status: 403 tampered, 410 expired or revoked. Opening the same
 * link on a second device works the same way: each device gets its own cookie.
 *
 * `POST /api/links/refresh` — the expired-link page's "send me a fresh link": the expired token
 * proves which registration it is (it is still authentic), and the new link goes to that
 * registration's address only, so holding an old link never yields a new one by itself.
 */
export const links = new Hono<AppEnv>()
  .get("/j/:token", async (c) => {
    const config = c.get("config");
    const now = Math.floor(Date.now() / 1000);
    const result = await verifyToken(config.signingKeys, "link", c.req.param("token"), now);
    if (!result.ok && result.reason !== "expired") {
      return servePage(c, Pages.participant, { status: 403, meta: { "link-status": "invalid" } });
    }
    const check = await checkClaims(database(c.env.DB), result.claims);
    if (!check.ok) {
      return servePage(c, Pages.participant, {
        status: 410,
        meta: { "link-status": "revoked", ...(check.event ? { event: check.event.slug } : {}) },
      });
    }
    if (!result.ok) {
      return servePage(c, Pages.participant, {
        status: 410,
        meta: { "link-status": "expired", event: check.event.slug },
      });
    }
    // The first use of a personal link, for the control room's "opened" (only the first writes).
    if (check.registration.linkOpenedAt === null) {
      await markLinkOpened(database(c.env.DB), check.registration.id, Date.now());
    }
    const claims = claimsFor(check.registration, check.event);
    setCookie(c, SIGNIN_COOKIE, await signToken(config.signingKeys[0], "session", claims), {
      path: "/",
      httpOnly: true,
      secure: cookieSecure(c.req.url),
      sameSite: "Lax",
      maxAge: Math.max(60, claims.expiresAt - now),
    });
    return c.redirect("/portal", 303);
  })
  .post("/api/links/refresh", async (c) => {
    await enforceLimit(c.env.LINK_REQUEST_LIMITER, `link:${clientKey(c)}`);
    const { token } = await jsonBody(c, LinkRequestBody);
    const result = await verifyToken(c.get("config").signingKeys, "link", token, Math.floor(Date.now() / 1000));
    if (result.ok) throw new ApiError(409, ErrorCode.conflict, "This link still works: open it to enter the event.");
    if (result.reason !== "expired")
      throw new ApiError(
        403,
        ErrorCode.forbidden,
        "This link is not valid, so we cannot tell who to send a new one to.",
      );
    const db = database(c.env.DB);
    const check = await checkClaims(db, result.claims);
    if (!check.ok) {
      throw new ApiError(
        410,
        ErrorCode.gone,
        "This link was replaced or withdrawn by the organizer. Use your newest invitation, or contact the organizer.",
      );
    }
    const now = Date.now();
    // One fresh link per person per cooldown, answered the same either way.
    if (!(await recentPersonalEmail(db, check.registration.id, now - LINK_EMAIL_COOLDOWN_MS))) {
      await insertInvitations(db, check.event.id, [check.registration.id], "link-request", now);
      await wakeScheduler(c.env);
    }
    return c.json({ emailedTo: maskEmail(check.registration.email) }, 202);
  });
