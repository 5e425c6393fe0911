/**
 * A token bucket: `burst` tokens to start with, one more every `refillMs`, never more than
 * `burst`. Pure, so the limits can be tested without clocks.
 */
export interface Bucket {
  tokens: number;
  at: number;
}

export interface BucketRule {
  burst: number;
  refillMs: number;
}

export type Take = { ok: true; bucket: Bucket } | { ok: false; bucket: Bucket; retryAfterMs: number };

export function take(bucket: Bucket | undefined, rule: BucketRule, now: number): Take {
  const start = bucket ?? { tokens: rule.burst, at: now };
  const refilled = Math.min(rule.burst, start.tokens + Math.max(0, now - start.at) / rule.refillMs);
  if (refilled >= 1) return { ok: true, bucket: { tokens: refilled - 1, at: now } };
  return { ok: false, bucket: { tokens: refilled, at: now }, retryAfterMs: Math.ceil((1 - refilled) * rule.refillMs) };
}
