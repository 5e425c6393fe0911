import { describe, expect, it } from "vitest";
import { fromLocal, offsetLabel, offsetMinutes, timeZones, toLocal } from "../../core/rules/zoned-time";

const AMS = "Europe/Amsterdam";
const NY = "America/New_York";
const at = (iso: string) => Date.parse(iso);

describe("an event's wall-clock time ⇄ UTC", () => {
  it("reads local time in the event's zone, in winter and in summer", () => {
    expect(fromLocal("2026-01-15T14:00", AMS)).toBe(at("2026-01-15T13:00:00Z"));
    expect(fromLocal("2026-07-15T14:00", AMS)).toBe(at("2026-07-15T12:00:00Z"));
    expect(fromLocal("2026-07-15T14:00", NY)).toBe(at("2026-07-15T18:00:00Z"));
    expect(fromLocal("2026-07-15T14:00", "Asia/Kathmandu")).toBe(at("2026-07-15T08:15:00Z"));
    expect(fromLocal("2026-07-15T14:00", "UTC")).toBe(at("2026-07-15T14:00:00Z"));
  });

  it("writes an instant as the zone's clock shows it", () => {
    expect(toLocal(at("2026-01-15T13:00:00Z"), AMS)).toBe("2026-01-15T14:00");
    expect(toLocal(at("2026-07-15T12:00:00Z"), AMS)).toBe("2026-07-15T14:00");
    expect(toLocal(at("2026-12-31T23:30:00Z"), AMS)).toBe("2027-01-01T00:30");
  });

  it("round-trips every half hour across both changes of the clocks", () => {
    for (const zone of [AMS, NY, "Australia/Sydney"]) {
      for (const start of [at("2026-03-07T00:00:00Z"), at("2026-10-24T00:00:00Z"), at("2026-03-28T00:00:00Z")]) {
        for (let t = start; t < start + 3 * 86_400_000; t += 30 * 60_000) {
          const back = fromLocal(toLocal(t, zone), zone)!;
          // The hour the clocks repeat reads as its first occurrence; every other time exactly.
          expect(toLocal(back, zone)).toBe(toLocal(t, zone));
          expect(back).toBeLessThanOrEqual(t);
          expect(t - back).toBeLessThanOrEqual(3_600_000);
        }
      }
    }
  });

  it("takes the first of a time that happens twice, and moves a skipped time past the change", () => {
    // 2026-10-25 02:30 happens at +02:00 and again at +01:00 in Amsterdam.
    expect(fromLocal("2026-10-25T02:30", AMS)).toBe(at("2026-10-25T00:30:00Z"));
    // 2026-03-29 02:30 does not happen in Amsterdam: it is read as 03:30 CEST.
    const skipped = fromLocal("2026-03-29T02:30", AMS)!;
    expect(skipped).toBe(at("2026-03-29T01:30:00Z"));
    expect(toLocal(skipped, AMS)).toBe("2026-03-29T03:30");
    expect(fromLocal("2026-11-01T01:30", NY)).toBe(at("2026-11-01T05:30:00Z"));
  });

  it("names the offset in force, and refuses what is not a date and time", () => {
    expect(offsetMinutes(at("2026-07-01T00:00:00Z"), AMS)).toBe(120);
    expect(offsetLabel(at("2026-01-01T00:00:00Z"), AMS)).toBe("+01:00");
    expect(offsetLabel(at("2026-01-01T00:00:00Z"), NY)).toBe("-05:00");
    expect(offsetLabel(at("2026-01-01T00:00:00Z"), "Asia/Kathmandu")).toBe("+05:45");
    expect(fromLocal("", AMS)).toBeUndefined();
    expect(fromLocal("2026-02-30T10:00", AMS)).toBeUndefined();
    expect(fromLocal("tomorrow", AMS)).toBeUndefined();
  });

  it("offers the IANA zones, UTC among them", () => {
    const zones = timeZones();
    expect(zones).toContain("UTC");
    expect(zones).toContain(AMS);
    expect(zones.length).toBeGreaterThan(100);
  });
});
