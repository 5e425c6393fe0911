import { eq } from "drizzle-orm";
import { Hono } from "hono";
import { setCookie } from "hono/cookie";
import type { AppEnv } from "../app-env";
import { database } from "../db/client";
import { events, registrations } from "../db/schema";
import { claimsFor, SESSION_COOKIE } from "../lib/links";
import { Pages, servePage } from "../lib/pages";
import { signToken, verifyToken } from "../lib/tokens";

/**
 * `GET /j/:token` — a personal link. A good link sets the session cookie and redirects to the
 * portal, so the token leaves the address bar (and the history). A bad one gets the client's
 * explanation page with the right status: 403 tampered, 410 expired or revoked.
 */
export const links = new Hono<AppEnv>().get("/j/:token", async (c) => {
  const config = c.get("config");
  const now = Math.floor(Date.now() / 1000);
  const result = await verifyToken(config.signingKeys, "link", c.req.param("token"), now);
  if (!result.ok && result.reason !== "expired") {
    return servePage(c, Pages.participant, { status: 403, meta: { "link-status": "invalid" } });
  }
  const db = database(c.env.DB);
  const registration = await db.select().from(registrations).where(eq(registrations.id, result.claims.registrationId)).get();
  const event = registration && (await db.select().from(events).where(eq(events.id, registration.eventId)).get());
  if (!registration || !event || registration.eventId !== result.claims.eventId) {
    return servePage(c, Pages.participant, { status: 410, meta: { "link-status": "revoked" } });
  }
  if (registration.linkRevokedAt !== null || registration.linkVersion !== result.claims.linkVersion) {
    return servePage(c, Pages.participant, { status: 410, meta: { "link-status": "revoked", event: event.slug } });
  }
  if (!result.ok) {
    return servePage(c, Pages.participant, { status: 410, meta: { "link-status": "expired", event: event.slug } });
  }
  const claims = claimsFor(registration, event);
  setCookie(c, SESSION_COOKIE, await signToken(config.signingKeys[0], "session", claims), {
    path: "/",
    httpOnly: true,
    secure: true,
    sameSite: "Lax",
    maxAge: Math.max(60, claims.expiresAt - now),
  });
  return c.redirect("/portal", 303);
});
