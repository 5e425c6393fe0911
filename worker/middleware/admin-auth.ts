import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env";
import { ACTOR_HEADER, describeActor } from "../../server/audit";
import { ApiError, ErrorCode } from "../../server/errors";

const digest = async (text: string) => crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));

/** Compares digests, not the strings, so the comparison takes the same time whatever the input. */
async function sameSecret(given: string, expected: string): Promise<boolean> {
  const [a, b] = await Promise.all([digest(given), digest(expected)]);
  return crypto.subtle.timingSafeEqual(a, b);
}

/** Organizer API: `Authorization: Bearer <ADMIN_TOKEN>`. */
export const requireAdmin = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header("Authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) {
    throw new ApiError(401, ErrorCode.unauthorized, "Send the admin token as `Authorization: Bearer <token>`.");
  }
  if (!(await sameSecret(match[1]!, c.get("config").adminToken))) {
    throw new ApiError(403, ErrorCode.forbidden, "The admin token is not valid.");
  }
  c.set("actor", await describeActor(match[1]!, c.req.header(ACTOR_HEADER), c.req.header("CF-Connecting-IP")));
  await next();
});
