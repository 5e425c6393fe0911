import type { ContentfulStatusCode } from "hono/utils/http-status";

/** Machine-readable error codes used across the HTTP API. */
export const ErrorCode = {
  badRequest: "bad_request",
  validation: "validation_failed",
  unauthorized: "unauthorized",
  forbidden: "forbidden",
  notFound: "not_found",
  conflict: "conflict",
  registrationClosed: "registration_closed",
  /** The event holds as many registrations as its capacity allows. */
  eventFull: "event_full",
  gone: "gone",
  payloadTooLarge: "payload_too_large",
  unsupportedMediaType: "unsupported_media_type",
  rateLimited: "rate_limited",
  /** An organizer sign-in link that is unknown, used, expired or altered (one answer for all). */
  linkInvalid: "link_invalid",
  /** A passkey sign-in or registration that did not verify (one answer for every reason). */
  passkeyInvalid: "passkey_invalid",
  configInvalid: "config_invalid",
  upstream: "upstream_failed",
  internal: "internal_error",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface ErrorBody {
  error: { code: ErrorCode; message: string; fields?: Record<string, string>; retryAfterSeconds?: number };
}

/** An error meant for the client: its status, code, message and fields are sent as they are. */
export class ApiError extends Error {
  // Plain fields, not constructor parameter properties: only erasable syntax passes
  // tsconfig.strip.json, whose check follows npm start's types into the demo seeding and from
  // there into the repositories that throw this.
  readonly status: ContentfulStatusCode;
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;
  readonly retryAfterSeconds?: number;

  constructor(
    status: ContentfulStatusCode,
    code: ErrorCode,
    message: string,
    fields?: Record<string, string>,
    retryAfterSeconds?: number,
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.retryAfterSeconds = retryAfterSeconds;
    this.name = "ApiError";
  }

  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.fields ? { fields: this.fields } : {}),
        ...(this.retryAfterSeconds !== undefined ? { retryAfterSeconds: this.retryAfterSeconds } : {}),
      },
    };
  }
}

export const notFound = (what: string) => new ApiError(404, ErrorCode.notFound, `${what} was not found`);
export const validationFailed = (fields: Record<string, string>, message = "Some fields are invalid") =>
  new ApiError(422, ErrorCode.validation, message, fields);
