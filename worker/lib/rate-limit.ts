import type { Context } from "hono";
import { ApiError, ErrorCode } from "../../server/errors";

/** The client's address as Cloudflare saw it (for audit entries and session lists). */
export const clientIp = (c: Context): string | null => c.req.header("CF-Connecting-IP") ?? null;

/**
 * The client a rate limit counts: Cloudflare's CF-Connecting-IP (never X-Forwarded-For, which the
 * client writes). An IPv6 client usually holds a whole /64, so the /64 is what counts.
 */
export function clientKey(c: Context): string {
  const ip = c.req.header("CF-Connecting-IP")?.trim();
  if (!ip) return "unknown";
  if (!ip.includes(":")) return ip;
  const groups = expandIpv6(ip);
  return groups ? `${groups.slice(0, 4).join(":")}::/64` : ip;
}

function expandIpv6(ip: string): string[] | undefined {
  const [head, tail] = ip.split("::") as [string, string | undefined];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const missing = 8 - left.length - right.length;
  if (missing < 0 || (tail === undefined && missing !== 0)) return undefined;
  return [...left, ...Array<string>(missing).fill("0"), ...right].map((g) => g.toLowerCase().padStart(4, "0"));
}

/**
 * Counts one request against a Workers Rate Limiting binding (a fixed window per key and
 * Cloudflare location, configured in wrangler.toml) and refuses it with 429 when over.
 */
/** The Workers Rate Limiting binding, structurally (this module is also tested under Node). */
export interface Limiter {
  limit(options: { key: string }): Promise<{ success: boolean }>;
}

export async function enforceLimit(limiter: Limiter, key: string, periodSeconds = 60): Promise<void> {
  const { success } = await limiter.limit({ key });
  if (!success) {
    throw new ApiError(
      429,
      ErrorCode.rateLimited,
      "Too many requests from your network. Please wait a minute and try again.",
      undefined,
      periodSeconds,
    );
  }
}
