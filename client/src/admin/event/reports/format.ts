import { language } from "../../../i18n";
import { localeFor } from "../../../i18n/time";

/**
 * Numbers and times on the report page: in the page's language, times on the event's own clock
 * (the report describes the event, wherever the organizer reads it).
 */
export const count = (n: number): string => new Intl.NumberFormat(localeFor(language())).format(n);

export const decimal = (n: number): string =>
  new Intl.NumberFormat(localeFor(language()), { maximumFractionDigits: 2 }).format(n);

export const percent = (share: number | null): string =>
  share === null ? "–" : new Intl.NumberFormat(localeFor(language()), { style: "percent" }).format(share);

/** Time spent, as whole minutes (hours and minutes past an hour). */
export function duration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const fmt = (value: number, unit: "hour" | "minute") =>
    new Intl.NumberFormat(localeFor(language()), { style: "unit", unit, unitDisplay: "short" }).format(value);
  return minutes < 60
    ? fmt(minutes, "minute")
    : `${fmt(Math.floor(minutes / 60), "hour")} ${fmt(minutes % 60, "minute")}`;
}

export const clock = (at: number | null, timeZone: string): string =>
  at === null
    ? "–"
    : new Intl.DateTimeFormat(localeFor(language()), { timeStyle: "short", timeZone }).format(new Date(at));

export const dateTime = (at: number | null, timeZone: string): string =>
  at === null
    ? "–"
    : new Intl.DateTimeFormat(localeFor(language()), { dateStyle: "medium", timeStyle: "short", timeZone }).format(
        new Date(at),
      );

/** The path of a report, JSON or its CSV download. */
export const reportPath = (eventId: string, report: string, params: Record<string, string | number> = {}): string => {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();
  return `/api/admin/events/${encodeURIComponent(eventId)}/reports/${report}${query ? `?${query}` : ""}`;
};
