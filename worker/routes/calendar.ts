import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { database } from "../../server/db/client";
import { checkClaims } from "../../server/db/registrations";
import { personalCalendar } from "../../server/calendar";
import { ApiError, ErrorCode } from "../../server/errors";
import { verifyToken } from "../../server/tokens";

/**
 * `GET /api/calendar/:token` — the personal calendar linked from the invitation e-mail. Calendar
 * apps fetch it without cookies, so the URL carries a token of its own purpose: it can read this
 * programme and nothing else, and it stops working when the personal link is rotated or revoked.
 */
export const calendar = new Hono<AppEnv>().get("/:token", async (c) => {
  const token = c.req.param("token").replace(/\.ics$/, "");
  const result = await verifyToken(c.get("config").signingKeys, "calendar", token, Math.floor(Date.now() / 1000));
  if (!result.ok && result.reason !== "expired")
    throw new ApiError(403, ErrorCode.forbidden, "This calendar link is not valid.");
  if (!result.ok) throw new ApiError(410, ErrorCode.gone, "This calendar link has expired.");
  const db = database(c.env.DB);
  const check = await checkClaims(db, result.claims);
  if (!check.ok) throw new ApiError(410, ErrorCode.gone, "This calendar link was replaced or withdrawn.");
  return personalCalendar(db, c.get("config"), check.registration, check.event);
});
