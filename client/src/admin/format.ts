/** Small pure helpers the console's pages share (unit tested). */

/**
 * A browser as people name it, from its user agent: enough to tell one's own laptop from one's
 * phone in "My sign-ins". Order matters: Edge and Opera also say Chrome, Chrome also says Safari.
 */
export function browserOf(userAgent: string | null): { browser: string; os: string } | null {
  if (!userAgent) return null;
  const ua = userAgent;
  const browser = /Edg\//.test(ua)
    ? "Edge"
    : /OPR\//.test(ua)
      ? "Opera"
      : /Firefox\//.test(ua)
        ? "Firefox"
        : /Chrome\//.test(ua)
          ? "Chrome"
          : /Safari\//.test(ua)
            ? "Safari"
            : null;
  const os = /iPhone|iPad/.test(ua)
    ? "iOS"
    : /Android/.test(ua)
      ? "Android"
      : /Windows/.test(ua)
        ? "Windows"
        : /Mac OS X|Macintosh/.test(ua)
          ? "macOS"
          : /CrOS/.test(ua)
            ? "ChromeOS"
            : /Linux/.test(ua)
              ? "Linux"
              : null;
  return browser && os ? { browser, os } : null;
}

/**
 * An expiry chosen as a date (`<input type="date">`, "2025-03-31") lasts to the end of that day
 * where the person is; an empty field is a token that does not expire.
 */
export function expiryFromDate(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m) return null;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 23, 59, 59, 999).toISOString();
}

/** The earliest date a token's expiry may be: tomorrow, as `<input type="date" min>` wants it. */
export function tomorrowDate(now: Date = new Date()): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A query string from the filters that are set (`?a=1&c=3`), or "" when none is. */
export function query(params: Record<string, string | number | null | undefined>): string {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== "") s.set(k, String(v));
  const text = s.toString();
  return text ? `?${text}` : "";
}

/** A list answer as `{ items }` or a bare array (both are in use across the organizer API). */
export function itemsOf<T>(answer: { items: T[] } | T[] | null | undefined): T[] {
  if (!answer) return [];
  return Array.isArray(answer) ? answer : answer.items;
}
