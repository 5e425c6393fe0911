/**
 * Wall-clock time in an IANA time zone ⇄ instants, for forms where organizers type an event's
 * times as the event's own clock shows them (not their browser's). Pure; uses only Intl.
 */

/** "YYYY-MM-DDTHH:mm", the value of an `<input type="datetime-local">`. */
export type LocalDateTime = string;

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function wallClock(instant: number, timeZone: string): { local: LocalDateTime; seconds: string } {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "00";
  return {
    local: `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}`,
    seconds: get("second"),
  };
}

/** The instant as the zone's clock shows it, to the minute. */
export function toLocal(instant: number, timeZone: string): LocalDateTime {
  return wallClock(instant, timeZone).local;
}

/** How far the zone's clock is ahead of UTC at that instant, in minutes (Amsterdam in summer: 120). */
export function offsetMinutes(instant: number, timeZone: string): number {
  const whole = Math.floor(instant / 1000) * 1000;
  const { local, seconds } = wallClock(whole, timeZone);
  return Math.round((Date.parse(`${local}:${seconds}Z`) - whole) / 60_000);
}

/**
 * The instant at which the zone's clock shows `local`; undefined when `local` is not a date and
 * time. Around a change of the clocks: a time that happens twice (autumn) is its first occurrence;
 * a time that never happens (spring, the skipped hour) is read with the offset before the change,
 * so it lands just after it (02:30 on the spring-forward night in Amsterdam is 03:30 CEST).
 */
export function fromLocal(local: LocalDateTime, timeZone: string): number | undefined {
  const m = LOCAL.exec(local);
  if (!m) return undefined;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  if (Number.isNaN(asUtc) || toLocal(asUtc, "UTC") !== local) return undefined;
  // A change of the clocks is at most once within a day: the offsets half a day either side are
  // the only two that can apply.
  const before = offsetMinutes(asUtc - 12 * 3_600_000, timeZone);
  const after = offsetMinutes(asUtc + 12 * 3_600_000, timeZone);
  const fits = [asUtc - before * 60_000, asUtc - after * 60_000].filter((t) => toLocal(t, timeZone) === local);
  return fits.length > 0 ? Math.min(...fits) : asUtc - before * 60_000;
}

/** "+01:00", "-04:00", "+05:45": the zone's offset at that instant, as ISO 8601 writes it. */
export function offsetLabel(instant: number, timeZone: string): string {
  const o = offsetMinutes(instant, timeZone);
  const abs = Math.abs(o);
  return `${o < 0 ? "-" : "+"}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/** Every IANA zone this runtime knows, UTC included (the list Intl gives may leave it out). */
export function timeZones(): string[] {
  const known = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return known.includes("UTC") ? known : ["UTC", ...known];
}
