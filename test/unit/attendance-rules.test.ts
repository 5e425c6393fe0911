import { describe, expect, it } from "vitest";
import {
  bucketStart,
  concurrency,
  localDate,
  mergeStays,
  nextMidnight,
  splitByDay,
  type VisitSpan,
  zoneOffset,
} from "../../core/rules/attendance";

const MIN = 60_000;
const T0 = Date.UTC(2026, 2, 1, 9, 0);
const visit = (registrationId: string, from: number, to: number | null, device: VisitSpan["device"] = "desktop") => ({
  registrationId,
  device,
  joinedAt: T0 + from * MIN,
  leftAt: to === null ? null : T0 + to * MIN,
});

describe("merging visits into stays", () => {
  it("joins a reconnect within a minute and keeps a longer gap apart", () => {
    const stays = mergeStays([visit("a", 0, 10), visit("a", 10.5, 20), visit("a", 30, 40)], T0 + 60 * MIN);
    expect(stays.map((s) => [s.from, s.to, s.visits])).toEqual([
      [T0, T0 + 20 * MIN, 2],
      [T0 + 30 * MIN, T0 + 40 * MIN, 1],
    ]);
  });

  it("counts two devices at once as one stay with both devices", () => {
    const stays = mergeStays([visit("a", 5, 15, "mobile"), visit("a", 0, 10, "desktop")], T0);
    expect(stays).toEqual([
      { registrationId: "a", from: T0, to: T0 + 15 * MIN, visits: 2, devices: ["desktop", "mobile"] },
    ]);
  });

  it("ends a visit still open at now", () => {
    expect(mergeStays([visit("a", 0, null)], T0 + 7 * MIN)[0]?.to).toBe(T0 + 7 * MIN);
  });
});

describe("concurrency sweep", () => {
  it("finds the peak and the time-weighted average over the scheduled window", () => {
    // a: 0–60, b: 30–60, c: 59–90 (after the window) → peak 3 at minute 59.
    const stays = [
      { from: T0, to: T0 + 60 * MIN },
      { from: T0 + 30 * MIN, to: T0 + 60 * MIN },
      { from: T0 + 59 * MIN, to: T0 + 90 * MIN },
    ];
    const c = concurrency(stays, { from: T0, to: T0 + 60 * MIN });
    expect(c.peak).toBe(3);
    expect(c.peakAt).toBe(T0 + 59 * MIN);
    // (60 + 30 + 1) person-minutes over 60 minutes.
    expect(c.average).toBeCloseTo(91 / 60, 6);
    expect(c.from).toBe(T0);
    expect(c.bucketMs).toBe(MIN);
    expect(c.points).toHaveLength(90);
    expect(c.points[0]).toBe(1);
    expect(c.points[45]).toBe(2);
    expect(c.points[59]).toBe(3);
    expect(c.points[89]).toBe(1);
  });

  it("does not count a hand-over at the same instant as overlap", () => {
    const c = concurrency(
      [
        { from: T0, to: T0 + 10 * MIN },
        { from: T0 + 10 * MIN, to: T0 + 20 * MIN },
      ],
      { from: T0, to: T0 + 20 * MIN },
    );
    expect(c.peak).toBe(1);
    expect(c.average).toBe(1);
  });

  it("reports nobody for no stays", () => {
    const c = concurrency([], { from: T0, to: T0 + 10 * MIN });
    expect([c.peak, c.peakAt, c.average]).toEqual([0, null, 0]);
  });
});

describe("days in the event's time zone", () => {
  const tz = "Europe/Amsterdam";
  it("cuts a stay at local midnight", () => {
    // 22:30–01:30 UTC on 1 March is 23:30–02:30 in Amsterdam (UTC+1).
    const from = Date.UTC(2026, 2, 1, 22, 30);
    expect(localDate(from, tz)).toBe("2026-03-01");
    expect(nextMidnight(from, tz)).toBe(Date.UTC(2026, 2, 1, 23, 0));
    expect(splitByDay(from, from + 180 * MIN, tz)).toEqual([
      { date: "2026-03-01", ms: 30 * MIN },
      { date: "2026-03-02", ms: 150 * MIN },
    ]);
  });

  it("knows a day of 23 hours when the clocks go forward", () => {
    const start = Date.UTC(2026, 2, 28, 23, 0); // midnight, 29 March, Amsterdam
    expect(nextMidnight(start, tz) - start).toBe(23 * 3_600_000);
  });

  it("aligns buckets to the local clock", () => {
    const kolkata = "Asia/Kolkata"; // UTC+5:30
    const at = Date.UTC(2026, 2, 1, 4, 10); // 09:40 local
    expect(bucketStart(at, 3_600_000, kolkata)).toBe(Date.UTC(2026, 2, 1, 3, 30));
  });
});

describe("zoneOffset", () => {
  it("keeps a change of offset within an hour (Lord Howe moves 30 minutes at 15:30 UTC)", () => {
    const change = Date.UTC(2026, 9, 3, 15, 30);
    const tz = "Australia/Lord_Howe";
    // Asked in the same hour first after the change, then before it: a per-hour answer would be wrong once.
    expect(zoneOffset(change, tz)).toBe(11 * 3_600_000);
    expect(zoneOffset(change - 1_000, tz)).toBe(10.5 * 3_600_000);
    expect(zoneOffset(change - 30 * 60_000, tz)).toBe(10.5 * 3_600_000);
    expect(zoneOffset(change + 29 * 60_000, tz)).toBe(11 * 3_600_000);
    expect(zoneOffset(Date.UTC(2026, 9, 3, 12), tz)).toBe(10.5 * 3_600_000);
    expect(zoneOffset(Date.UTC(2026, 9, 3, 12, 59), tz)).toBe(10.5 * 3_600_000);
  });
});
