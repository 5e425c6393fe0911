import { describe, expect, it } from "vitest";
import { buildCalendar, escapeText, foldLine, utcStamp } from "../../server/ics";

const session = {
  id: "ses_1",
  title: "Keynote; Q&A, live",
  description: "Line one\nLine two with \\ backslash",
  startsAt: Date.UTC(2026, 10, 25, 13, 0, 0),
  endsAt: Date.UTC(2026, 10, 25, 14, 30, 0),
  updatedAt: Date.UTC(2026, 10, 1, 8, 15, 30),
};

describe("personal calendar (RFC 5545)", () => {
  it("escapes text values", () => {
    expect(escapeText("a;b,c\\d\ne\r\nf")).toBe("a\\;b\\,c\\\\d\\ne\\nf");
  });

  it("writes UTC times", () => {
    expect(utcStamp(session.startsAt)).toBe("20261125T130000Z");
  });

  it("folds long lines at 75 octets without splitting a character", () => {
    const line = `SUMMARY:${"é".repeat(60)}`;
    const folded = foldLine(line);
    const parts = folded.split("\r\n");
    expect(parts.length).toBeGreaterThan(1);
    for (const [i, part] of parts.entries()) {
      expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
      if (i > 0) expect(part.startsWith(" ")).toBe(true);
    }
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join("")).toBe(line);
    expect(foldLine("SHORT:line")).toBe("SHORT:line");
  });

  it("builds one event per session with a stable UID, CRLF line ends", () => {
    const ics = buildCalendar({
      host: "events.example.com",
      name: "Demo, day",
      url: "https://events.example.com/portal",
      sessions: [session],
    });
    expect(ics.endsWith("\r\n")).toBe(true);
    expect(
      ics
        .split("\r\n")
        .filter((l) => l !== "" && !l.startsWith(" "))
        .every((l) => /^[A-Z-]+[:;]/.test(l)),
    ).toBe(true);
    const unfolded = ics.replace(/\r\n /g, "");
    expect(unfolded).toContain("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:");
    expect(unfolded).toContain("X-WR-CALNAME:Demo\\, day");
    expect(unfolded).toContain("UID:ses_1@events.example.com");
    expect(unfolded).toContain("DTSTART:20261125T130000Z\r\nDTEND:20261125T143000Z");
    expect(unfolded).toContain("DTSTAMP:20261101T081530Z");
    expect(unfolded).toContain("SUMMARY:Keynote\\; Q&A\\, live");
    expect(unfolded).toContain("DESCRIPTION:Line one\\nLine two with \\\\ backslash");
    expect(unfolded.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    // Same input, same file: calendar apps update events in place.
    expect(
      buildCalendar({
        host: "events.example.com",
        name: "Demo, day",
        url: "https://events.example.com/portal",
        sessions: [session],
      }),
    ).toBe(ics);
  });
});
