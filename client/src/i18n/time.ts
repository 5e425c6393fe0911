import type { Language } from "../../../core/protocol/identity";
import { language } from ".";

/**
 * Dates and times in the page's language, with that language's own clock. The browser's locale
 * alone is not enough: a Dutch speaker on an American laptop reads Foyer in Dutch and expects
 * 14:05, not 02:05 PM. So the language decides, and the browser only says which region's habits
 * to follow within that language (en-US: 12-hour; en-GB: 24-hour). Where the browser does not
 * speak the language at all, its home region's habits apply, as in the e-mails (en-GB, nl-NL).
 */
const HOME: Record<Language, string> = { en: "en-GB", nl: "nl-NL" };

export function localeFor(
  lang: Language,
  preferred: readonly string[] = globalThis.navigator?.languages ?? [],
): string {
  return preferred.find((l) => l.toLowerCase().startsWith(`${lang}-`)) ?? HOME[lang];
}

export interface TimeOptions {
  timeZone?: string | undefined;
  /** The page's language unless given (tests and pages that are not reactive). */
  lang?: Language;
  /** The browser's preferred locales unless given. */
  preferred?: readonly string[];
}

type Instant = number | string | Date;
const at = (when: Instant) => (when instanceof Date ? when : new Date(when));

function formatter(options: Intl.DateTimeFormatOptions, o: TimeOptions): Intl.DateTimeFormat {
  const zone = o.timeZone ? { timeZone: o.timeZone } : {};
  return new Intl.DateTimeFormat(localeFor(o.lang ?? language(), o.preferred), { ...options, ...zone });
}

/** "14:05" in Dutch, "2:05 PM" or "14:05" in English as the person's region writes it. */
export const formatTime = (when: Instant, o: TimeOptions = {}) =>
  formatter({ hour: "2-digit", minute: "2-digit" }, o).format(at(when));

export const formatTimeRange = (start: Instant, end: Instant, o: TimeOptions = {}) =>
  `${formatTime(start, o)}–${formatTime(end, o)}`;

/** A short day and a time, for chart axes: "25 nov 14:05". */
export const formatShortDayTime = (when: Instant, o: TimeOptions = {}) =>
  formatter({ day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" }, o).format(at(when));

/** A day and a time: "woensdag 25 november 2026 om 14:05". */
export const formatDateTime = (when: Instant, o: TimeOptions & { dateStyle?: "full" | "medium" } = {}) =>
  formatter({ dateStyle: o.dateStyle ?? "medium", timeStyle: "short" }, o).format(at(when));
