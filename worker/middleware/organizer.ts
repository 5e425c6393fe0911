import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env";
import { bootstrapActor } from "../../server/audit";
import { database } from "../../server/db/client";
import { ApiError, ErrorCode } from "../../server/errors";
import { actorName, type Principal } from "../../server/organizers/access";
import { sameSecret } from "../../server/organizers/secrets";
import { ORGANIZER_COOKIE, principalFromApiToken, principalFromCookie } from "../../server/organizers/signin";
import { clientIp } from "../lib/rate-limit";
import { requireOwnOrigin } from "../lib/session-access";
import { authorize, ruleFor } from "../routes/admin/permissions";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

const unauthorized = () =>
  new ApiError(
    401,
    ErrorCode.unauthorized,
    "Sign in (the foyer_admin cookie) or send an API token as `Authorization: Bearer fyr_…`.",
  );

function bearerOf(c: Context<AppEnv>): string | undefined {
  const header = c.req.header("Authorization");
  if (header === undefined) return undefined;
  // A malformed Authorization header is a wrong credential, not a missing one.
  return /^Bearer\s+(\S+)$/i.exec(header)?.[1] ?? "";
}

/** The caller: an API token (`Bearer fyr_…`) or a signed-in person (the cookie). */
async function authenticate(c: Context<AppEnv>): Promise<{ principal: Principal; byCookie: boolean }> {
  const db = database(c.env.DB);
  const bearer = bearerOf(c);
  if (bearer !== undefined) {
    // Anything but an API token here (the ADMIN_TOKEN included) is an unknown credential.
    const principal = bearer.startsWith("fyr_") ? await principalFromApiToken(db, bearer) : undefined;
    if (!principal) throw unauthorized();
    return { principal, byCookie: false };
  }
  const cookie = getCookie(c, ORGANIZER_COOKIE);
  const principal = cookie ? await principalFromCookie(db, cookie) : undefined;
  if (!principal) throw unauthorized();
  return { principal, byCookie: true };
}

/**
 * The organizer API's one gate. Finds the route's row in the permission table (no row: refused as
 * unknown), then: public rows pass; the bootstrap row needs the ADMIN_TOKEN setting; every other
 * row needs a session cookie or an API token, a same-origin `Origin` on cookie requests that
 * change something (CSRF), and what the row allows on the thing the path names.
 */
export const requireOrganizer = createMiddleware<AppEnv>(async (c, next) => {
  const rule = ruleFor(c);
  if (!rule) throw new ApiError(404, ErrorCode.notFound, "No such organizer route.");
  if (rule.target === "public") {
    // Signing in sets a cookie: refuse other sites' pages (login CSRF). Scripts send no Origin.
    if (c.req.header("Origin") !== undefined) requireOwnOrigin(c, "sign organizers in");
    return next();
  }
  if (rule.target === "bootstrap") {
    const bearer = bearerOf(c);
    if (!bearer || !(await sameSecret(bearer, c.get("config").adminToken))) {
      throw new ApiError(401, ErrorCode.unauthorized, "Bootstrap needs `Authorization: Bearer <ADMIN_TOKEN>`.");
    }
    c.set("actor", bootstrapActor(clientIp(c)));
    return next();
  }
  const { principal, byCookie } = await authenticate(c);
  if (byCookie && !SAFE_METHODS.has(c.req.method)) requireOwnOrigin(c, "change organizer data");
  await authorize(c, rule, principal);
  c.set("organizer", principal);
  c.set("actor", {
    actor: actorName(principal),
    ip: clientIp(c),
    personId: principal.kind === "person" ? principal.personId : null,
    tokenId: principal.kind === "token" ? principal.tokenId : null,
  });
  await next();
});
