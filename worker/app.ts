import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "./app-env";
import { ApiError, ErrorCode } from "../server/errors";
import { loadConfig } from "./middleware/config";
import { onError, onNotFound } from "./middleware/errors";
import { securityHeaders } from "./middleware/security-headers";
import { admin } from "./routes/admin";
import { CSV_IMPORT_PATH, MAX_CSV_BYTES } from "./routes/admin/registrations-csv";
import { LOGO_UPLOAD_PATH } from "./routes/admin/branding";
import { publicLogo } from "./routes/branding";
import { MAX_LOGO_BYTES } from "../core/contract/branding";
import { logoTooLarge } from "../server/branding";
import { calendar } from "./routes/calendar";
import { publicEvents } from "./routes/events";
import { health } from "./routes/health";
import { hub } from "./routes/hub";
import { links } from "./routes/links";
import { me } from "./routes/me";
import { networking } from "./routes/networking";
import { openapi } from "./routes/openapi";
import { pages } from "./routes/pages";
import { mediaSample } from "./routes/media-sample";
import { sessionMedia } from "./routes/session-media";
import { sessions } from "./routes/sessions";
import { stageDoor } from "./routes/stage-door";
import { techCheck } from "./routes/tech-check";

/** Request bodies above this are refused before a handler reads them. */
export const MAX_BODY_BYTES = 64 * 1024;

export function createApp() {
  const app = new Hono<AppEnv>();
  app.onError(onError);
  app.notFound(onNotFound);
  app.use(securityHeaders);
  app.use(loadConfig);
  const limitFor = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw new ApiError(413, ErrorCode.payloadTooLarge, `Request bodies are limited to ${maxSize / 1024} KiB.`);
      },
    });
  const defaultLimit = limitFor(MAX_BODY_BYTES);
  // CSV imports (admin only, checked further by the route) may be larger than other bodies.
  const csvLimit = limitFor(MAX_CSV_BYTES);
  // A logo upload gets its own limit, refused with the field named like the route's own check.
  const logoLimit = bodyLimit({
    maxSize: MAX_LOGO_BYTES,
    onError: () => {
      throw logoTooLarge();
    },
  });
  app.use("/api/*", (c, next) => {
    const path = new URL(c.req.url).pathname;
    if (CSV_IMPORT_PATH.test(path)) return csvLimit(c, next);
    return LOGO_UPLOAD_PATH.test(path) ? logoLimit(c, next) : defaultLimit(c, next);
  });
  app.route("/", health);
  app.route("/", links);
  app.route("/api", techCheck);
  app.route("/api/me", me);
  app.route("/api/me", networking);
  // The hub before the per-session routes, which would take "hub" for a session id.
  app.route("/api/sessions", hub);
  app.route("/api/sessions", sessions);
  app.route("/api/sessions", sessionMedia);
  app.route("/api/sessions", stageDoor);
  app.route("/api/media", mediaSample);
  app.route("/api/admin", admin);
  app.route("/api/events", publicEvents);
  app.route("/api/events", publicLogo);
  app.route("/api/calendar", calendar);
  app.route("/api", openapi);
  app.route("/", pages);
  return app;
}
