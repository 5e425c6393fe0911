import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env";
import { contentSecurityPolicy } from "../lib/csp";

/**
 * Security headers on every response the worker makes, errors included. Runs outside the
 * config middleware, so a broken configuration still gets the strictest policy.
 */
export const securityHeaders = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  const h = c.res.headers;
  // 101 responses carry a websocket and immutable headers.
  if (c.res.status === 101) return;
  const config = c.get("config") as AppEnv["Variables"]["config"] | undefined;
  h.set(
    "Content-Security-Policy",
    config ? contentSecurityPolicy(config.media, config.mediaOrigins) : "default-src 'none'; frame-ancestors 'none'",
  );
  h.set("X-Content-Type-Options", "nosniff");
  h.set("X-Frame-Options", "DENY");
  // Personal links carry a token in the path: never leak a URL to another site.
  h.set("Referrer-Policy", "no-referrer");
  h.set("Cross-Origin-Opener-Policy", "same-origin");
  h.set(
    "Permissions-Policy",
    "camera=(self), microphone=(self), display-capture=(self), autoplay=(self), geolocation=(), payment=(), usb=()",
  );
  if (new URL(c.req.url).protocol === "https:")
    h.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  if (new URL(c.req.url).pathname.startsWith("/api/") && !h.has("Cache-Control")) h.set("Cache-Control", "no-store");
});
