/**
 * A personal calendar (RFC 5545): one VEVENT per programme session, times in UTC, text escaped,
 * lines folded at 75 octets without splitting a UTF-8 character, CRLF line ends. The UID is the
 * session's id at our host, so re-importing or refreshing the calendar updates events in place
 * instead of duplicating them.
 */

export interface CalendarSession {
  id: string;
  title: string;
  description: string;
  startsAt: number;
  endsAt: number;
  updatedAt: number;
}

export interface CalendarInput {
  /** Host for UIDs, e.g. "events.example.com". */
  host: string;
  name: string;
  /** Where each event points (the portal). */
  url: string;
  sessions: readonly CalendarSession[];
}

/** RFC 5545 §3.3.11: backslash, semicolon and comma are escaped; line breaks become \n. */
export function escapeText(text: string): string {
  return (
    text
      .replace(/\\/g, "\\\\")
      .replace(/;/g, "\\;")
      .replace(/,/g, "\\,")
      .replace(/\r\n|\r|\n/g, "\\n")
      // Other control characters are not allowed in TEXT values.
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")
  );
}

/** 20261125T130000Z */
export function utcStamp(instant: number): string {
  return new Date(instant)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

const encoder = new TextEncoder();

/** RFC 5545 §3.1: lines longer than 75 octets continue on the next line after CRLF and a space. */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    // The first line holds 75 octets; continuation lines 74 plus the leading space.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

export function buildCalendar(input: CalendarInput): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Foyer//Personal programme//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(input.name)}`,
    "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
    "X-PUBLISHED-TTL:PT1H",
  ];
  for (const s of input.sessions) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${s.id}@${input.host}`,
      `DTSTAMP:${utcStamp(s.updatedAt)}`,
      `LAST-MODIFIED:${utcStamp(s.updatedAt)}`,
      `DTSTART:${utcStamp(s.startsAt)}`,
      `DTEND:${utcStamp(s.endsAt)}`,
      `SUMMARY:${escapeText(s.title)}`,
      ...(s.description ? [`DESCRIPTION:${escapeText(s.description)}`] : []),
      `URL:${input.url}`,
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}
