import type { AwsError } from "./errors";

export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Three tries, 200 ms → 1.6 s with full jitter: enough to ride out throttling without holding a request long. */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 200, maxDelayMs: 1600 };

/**
 * Retries `call` on retryable AWS errors. Use it only for calls that are safe to repeat:
 * reads, deletes, and creates that carry an idempotency token (Chime's ClientRequestToken).
 */
export async function withRetry<T>(
  call: () => Promise<T>,
  isAwsError: (err: unknown) => err is AwsError,
  policy: RetryPolicy = DEFAULT_RETRY,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      if (attempt >= policy.attempts || !isAwsError(err) || !err.retryable) throw err;
      const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
      await sleep(Math.random() * ceiling);
    }
  }
}
