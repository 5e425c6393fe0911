import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { ConfigError } from "../../server/config";
import { ApiError, ErrorCode } from "../../server/errors";
import type { AppEnv } from "../app-env";
import { Pages, servePage } from "../lib/pages";

/**
 * Every failure leaves as `{ "error": { code, message, fields? } }` with the right status.
 * Unexpected errors are logged with their stack on the server and reach the client as a
 * generic 500 without internals.
 */
export const onError: ErrorHandler = (err, c) => {
  const apiError = toApiError(err);
  if (apiError.status >= 500 && !(err instanceof ConfigError)) {
    console.error(`${c.req.method} ${new URL(c.req.url).pathname} failed:`, err);
  }
  if (err instanceof ConfigError) console.error(err.message);
  const res = c.json(apiError.toBody(), apiError.status);
  if (apiError.retryAfterSeconds !== undefined) res.headers.set("Retry-After", String(apiError.retryAfterSeconds));
  return res;
};

/**
 * An unknown path: JSON for the API and anything that is not a page request; for a browser asking
 * for a page, the participant app's "not found" page with status 404, so it carries the worker's
 * security headers, the page's language and title (the router never guesses: `/PORTAL/…` is not
 * the portal).
 */
export const onNotFound: NotFoundHandler = (c: Context<AppEnv>) => {
  const path = new URL(c.req.url).pathname;
  const page =
    c.req.method === "GET" && !path.startsWith("/api/") && (c.req.header("Accept") ?? "").includes("text/html");
  if (page) return servePage(c, Pages.participant, { status: 404, meta: { "page-status": "not-found" } });
  return c.json(new ApiError(404, ErrorCode.notFound, `No route for ${c.req.method} ${path}`).toBody(), 404);
};

function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof ConfigError) {
    return new ApiError(500, ErrorCode.configInvalid, err.message, { ...err.fields });
  }
  if (err instanceof HTTPException) {
    const status = err.status;
    const code =
      status === 413
        ? ErrorCode.payloadTooLarge
        : status === 401
          ? ErrorCode.unauthorized
          : status === 403
            ? ErrorCode.forbidden
            : status === 404
              ? ErrorCode.notFound
              : status >= 500
                ? ErrorCode.internal
                : ErrorCode.badRequest;
    return new ApiError(status as ApiError["status"], code, err.message || "Request failed");
  }
  return new ApiError(500, ErrorCode.internal, "Something went wrong on our side. Please try again.");
}
