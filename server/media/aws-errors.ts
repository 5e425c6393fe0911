import { AwsError } from "../providers/aws/errors";
import { ApiError, ErrorCode } from "../errors";

/** What the person on the other end is trying to do, for the message ("join the call"). */
export type MediaAction =
  | "join the call"
  | "set up the stage video"
  | "read the stage's stream key"
  | "release the stage video"
  | "rotate the stream key"
  | "read the stage's status"
  | "end the call";

const SERVICE_NAMES: Record<string, string> = { ivs: "Amazon IVS", chime: "Amazon Chime SDK" };

/**
 * Turns a failed AWS call into an API error a person can act on. Details that help the
 * organizer (the AWS code and message) are logged, not sent: participants see what happened and
 * whether trying again helps; Retry-After is set where it does.
 */
export function mediaApiError(err: unknown, action: MediaAction): ApiError {
  if (!(err instanceof AwsError)) throw err;
  console.error(`media: could not ${action}: ${err.message}`);
  const service = SERVICE_NAMES[err.service] ?? `AWS ${err.service}`;
  if (err.throttled) {
    return new ApiError(
      503,
      ErrorCode.upstream,
      `${service} is busy right now, so we could not ${action}. Please try again in a few seconds.`,
      undefined,
      3,
    );
  }
  if (err.credentials || err.code === "AccessDeniedException" || err.code === "ForbiddenException") {
    return new ApiError(
      502,
      ErrorCode.upstream,
      `Foyer is not allowed to use ${service}, so we could not ${action}. The organizer needs to check the AWS credentials and permissions.`,
    );
  }
  if (/LimitExceeded|ServiceQuotaExceeded|ServiceFailure.*Limit/.test(err.code)) {
    return new ApiError(
      503,
      ErrorCode.upstream,
      `${service} has reached a usage limit, so we could not ${action}. The organizer has to raise the AWS quota; please try again later.`,
      undefined,
      30,
    );
  }
  if (err.code === "NetworkError") {
    return new ApiError(
      503,
      ErrorCode.upstream,
      `We could not reach ${service}, so we could not ${action}. Please try again in a moment.`,
      undefined,
      5,
    );
  }
  if (/Region|MediaRegion/i.test(err.message) && err.status === 400) {
    return new ApiError(
      502,
      ErrorCode.upstream,
      `${service} refused the configured AWS region, so we could not ${action}. The organizer needs to check the region settings.`,
    );
  }
  if (err.retryable) {
    return new ApiError(
      503,
      ErrorCode.upstream,
      `${service} had a problem, so we could not ${action}. Please try again in a moment.`,
      undefined,
      5,
    );
  }
  return new ApiError(
    502,
    ErrorCode.upstream,
    `${service} refused the request, so we could not ${action}. If this keeps happening, please tell the organizer.`,
  );
}
