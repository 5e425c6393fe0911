import { take, type Bucket, type BucketRule } from "./rate-limit";
import { Limits } from "../../core/protocol/limits";

export const mutationRate: BucketRule = { burst: Limits.mutationBurst, refillMs: Limits.mutationRefillMs };

/**
 * Per-person token buckets, in memory. They reset when the object is evicted, which only ever
 * lets someone through sooner after a restart; after a hibernation they would have refilled
 * anyway (an object hibernates after seconds of quiet).
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  get(key: string): Bucket | undefined {
    return this.buckets.get(key);
  }

  set(key: string, bucket: Bucket | undefined): void {
    if (bucket) this.buckets.set(key, bucket);
  }

  /** Takes a token; returns how long to wait when there is none. */
  take(key: string, rule: BucketRule, now: number): { ok: true } | { ok: false; retryAfterMs: number } {
    const result = take(this.buckets.get(key), rule, now);
    this.buckets.set(key, result.bucket);
    if (this.buckets.size > 20_000) this.sweep(now, rule);
    return result.ok ? { ok: true } : { ok: false, retryAfterMs: result.retryAfterMs };
  }

  /** Full buckets carry no information; drop them so the map stays small. */
  private sweep(now: number, rule: BucketRule): void {
    for (const [key, b] of this.buckets) if (now - b.at > rule.burst * rule.refillMs) this.buckets.delete(key);
  }
}
