import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "./app-env";
import { ApiError, ErrorCode } from "./lib/errors";
import { loadConfig } from "./middleware/config";
import { onError, onNotFound } from "./middleware/errors";
import { securityHeaders } from "./middleware/security-headers";
import { admin } from "./routes/admin";
import { health } from "./routes/health";
import { links } from "./routes/links";
import { me } from "./routes/me";
import { pages } from "./routes/pages";
import { mediaSample } from "./routes/media-sample";
import { sessionMedia } from "./routes/session-media";
import { sessions } from "./routes/sessions";
import { techCheck } from "./routes/tech-check";

/** Request bodies above this are refused before a handler reads them. */
export const MAX_BODY_BYTES = 64 * 1024;

export function createApp() {
  const app = new Hono<AppEnv>();
  app.onError(onError);
  app.notFound(onNotFound);
  app.use(securityHeaders);
  app.use(loadConfig);
  app.use(
    "/api/*",
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new ApiError(413, ErrorCode.payloadTooLarge, `Request bodies are limited to ${MAX_BODY_BYTES / 1024} KiB.`);
      },
    }),
  );
  app.route("/", health);
  app.route("/", links);
  app.route("/api", techCheck);
  app.route("/api/me", me);
  app.route("/api/sessions", sessions);
  app.route("/api/sessions", sessionMedia);
  app.route("/api/media", mediaSample);
  app.route("/api/admin", admin);
  app.route("/", pages);
  return app;
}
