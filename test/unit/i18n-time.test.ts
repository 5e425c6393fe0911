import { describe, expect, it } from "vitest";
import { formatDateTime, formatTime, formatTimeRange, localeFor } from "../../client/src/i18n/time";

describe("times", () => {
  const afternoon = Date.parse("2026-11-25T13:05:00Z");
  const zone = "Europe/Amsterdam";

  it("uses the 24-hour clock in Dutch, whatever the browser's own locale", () => {
    for (const preferred of [["en-US"], ["en-US", "en"], [], ["nl-BE"]]) {
      expect(formatTime(afternoon, { lang: "nl", timeZone: zone, preferred })).toBe("14:05");
      expect(formatTimeRange(afternoon, afternoon + 3_600_000, { lang: "nl", timeZone: zone, preferred })).toBe(
        "14:05–15:05",
      );
      expect(formatDateTime(afternoon, { lang: "nl", timeZone: zone, preferred, dateStyle: "full" })).toBe(
        "woensdag 25 november 2026 om 14:05",
      );
    }
  });

  it("writes English times as the person's region does, and as the e-mails do when it is not English", () => {
    expect(formatTime(afternoon, { lang: "en", timeZone: zone, preferred: ["en-US"] })).toMatch(/^0?2:05\sPM$/);
    expect(formatTime(afternoon, { lang: "en", timeZone: zone, preferred: ["en-GB"] })).toBe("14:05");
    expect(formatTime(afternoon, { lang: "en", timeZone: zone, preferred: ["nl-NL"] })).toBe("14:05");
    expect(localeFor("nl", ["en-US", "nl-BE"])).toBe("nl-BE");
    expect(localeFor("en", ["nl-NL"])).toBe("en-GB");
  });
});
