import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { findLogo } from "../../server/db/branding";
import { database } from "../../server/db/client";
import { findEventByIdOrSlug } from "../../server/db/events";
import { fromBase64 } from "../../server/branding";
import { notFound } from "../../server/errors";

/**
 * `GET /api/events/:slug/logo` (slug or id) — public, as the registration page, the portal and
 * e-mail clients all show it. Cacheable: a new logo gets a new `?v=` in every URL we hand out, so
 * the versioned URL may be kept for a long time; the bare one is revalidated with the ETag.
 */
export const publicLogo = new Hono<AppEnv>().get("/:slug/logo", async (c) => {
  const db = database(c.env.DB);
  const event = await findEventByIdOrSlug(db, c.req.param("slug"));
  const logo = event ? await findLogo(db, event.id) : undefined;
  if (!logo) throw notFound("This event's logo");
  const etag = `"${logo.etag}"`;
  const headers = {
    ETag: etag,
    "Cache-Control": c.req.query("v") === logo.etag ? "public, max-age=31536000, immutable" : "public, max-age=300",
    "X-Content-Type-Options": "nosniff",
  };
  const match = c.req.header("If-None-Match");
  if (match?.split(",").some((t) => t.trim().replace(/^W\//, "") === etag)) {
    return c.body(null, 304, headers);
  }
  return c.body(fromBase64(logo.data), 200, { ...headers, "Content-Type": logo.type });
});
