/**
 * Time rules for organizer sign-in: pure arithmetic, so the edges are unit-tested.
 * - A sign-in link works once, for 15 minutes.
 * - A session ends 8 hours after it was last used (idle) and 7 days after it began (absolute).
 * - "Last seen" and a token's "last used" are written at most once a minute, so a busy page does
 *   not turn every read into a D1 write.
 */
export const SIGNIN_LINK_MS = 15 * 60_000;
export const SESSION_IDLE_MS = 8 * 3_600_000;
export const SESSION_ABSOLUTE_MS = 7 * 24 * 3_600_000;
export const TOUCH_EVERY_MS = 60_000;

export interface SessionTimes {
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
  revokedAt: number | null;
}

export const idleEndOf = (s: SessionTimes) => Math.min(s.lastSeenAt + SESSION_IDLE_MS, s.expiresAt);

export function sessionAlive(s: SessionTimes, now: number): boolean {
  return s.revokedAt === null && now < s.expiresAt && now < s.lastSeenAt + SESSION_IDLE_MS;
}

/** Whether to write a new "last seen/used" time now. */
export const shouldTouch = (last: number | null, now: number) => last === null || now - last >= TOUCH_EVERY_MS;

export interface TokenTimes {
  expiresAt: number | null;
  revokedAt: number | null;
}

export const tokenAlive = (t: TokenTimes, now: number) =>
  t.revokedAt === null && (t.expiresAt === null || now < t.expiresAt);
