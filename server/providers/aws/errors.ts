/** A failed AWS call, with what we need to decide on a retry and to tell the person why. */
export class AwsError extends Error {
  constructor(
    readonly service: string,
    readonly operation: string,
    readonly status: number,
    /** AWS error code, e.g. ThrottlingException, LimitExceededException. */
    readonly code: string,
    message: string,
  ) {
    super(`${service} ${operation} failed (${status} ${code}): ${message}`);
    this.name = "AwsError";
  }

  /** Throttling and server-side failures may succeed on a later attempt; client errors will not. */
  get retryable(): boolean {
    return (
      this.status === 429 ||
      this.status >= 500 ||
      /Throttl|TooManyRequests|ServiceUnavailable|RequestTimeout/.test(this.code)
    );
  }

  get throttled(): boolean {
    return this.status === 429 || /Throttl|TooManyRequests/.test(this.code);
  }

  /**
   * Wrong, missing or expired credentials, or a signature AWS would not accept. Chime SDK
   * Meetings says UnauthorizedException (401) for what the others call UnrecognizedClient.
   */
  get credentials(): boolean {
    return /UnrecognizedClient|InvalidSignature|IncompleteSignature|MissingAuthenticationToken|UnauthorizedClient|UnauthorizedException|InvalidClientTokenId|ExpiredToken/.test(
      this.code,
    );
  }
}

/**
 * Reads an AWS JSON/REST error: the code from `x-amzn-ErrorType` or the body, the message from
 * the body (`message`, `Message`, or IVS's `exceptionMessage`).
 */
export async function awsErrorFrom(service: string, operation: string, res: Response): Promise<AwsError> {
  const text = await res.text().catch(() => "");
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // not JSON: keep the raw text as the message
  }
  const header = res.headers.get("x-amzn-ErrorType") ?? "";
  const rawCode = header || String(body.__type ?? body.code ?? body.Code ?? `Http${res.status}`);
  // Codes may come as "ThrottlingException:http://internal.amazon.com/…" or "aws.protocol#Code".
  const code = rawCode.split(":")[0]!.split("#").pop()!;
  const message = String(
    body.message ?? body.Message ?? body.exceptionMessage ?? (text.slice(0, 200) || res.statusText),
  );
  return new AwsError(service, operation, res.status, code, message);
}
