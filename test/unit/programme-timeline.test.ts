import { describe, expect, it } from "vitest";
import {
  dayWindow,
  drawn,
  HOUR,
  hoursOf,
  instantOf,
  keyOutcome,
  lanesOf,
  localInput,
  MINUTE,
  moved,
  msOfPx,
  programmeDays,
  widthOf,
  resized,
  snap,
  xOf,
} from "../../client/src/admin/event/programme/timeline";

const AMS = "Europe/Amsterdam";
const at = (iso: string) => Date.parse(iso);

describe("the timeline's clock", () => {
  it("reads and writes times on the event's clock, across a daylight-saving change", () => {
    expect(instantOf("2026-11-25T14:05", AMS)).toBe(at("2026-11-25T13:05:00Z"));
    expect(localInput(at("2026-11-25T13:05:00Z"), AMS)).toBe("2026-11-25T14:05");
    // Summer time: two hours ahead; the night of the change back is 25 hours long.
    expect(instantOf("2026-07-01T09:00", AMS)).toBe(at("2026-07-01T07:00:00Z"));
    expect(instantOf("2026-10-25T12:00", AMS) - instantOf("2026-10-24T12:00", AMS)).toBe(25 * HOUR);
    expect(instantOf("2026-11-25T09:30", "Asia/Kathmandu")).toBe(at("2026-11-25T03:45:00Z"));
  });

  it("lists each day of the event in its own zone, and days sessions stray onto", () => {
    // 22:00–02:00 in Amsterdam is one evening in UTC but two days there.
    const event = { startsAt: at("2026-11-25T21:00:00Z"), endsAt: at("2026-11-26T01:00:00Z") };
    expect(programmeDays(event, [], AMS)).toEqual(["2026-11-25", "2026-11-26"]);
    expect(programmeDays(event, [], "UTC")).toEqual(["2026-11-25", "2026-11-26"]);
    const stray = { startsAt: at("2026-11-28T09:00:00Z"), endsAt: at("2026-11-28T10:00:00Z") };
    expect(programmeDays(event, [stray], AMS)).toEqual(["2026-11-25", "2026-11-26", "2026-11-28"]);
  });

  it("shows a day from the hour the event or its first session starts to the hour the last ends", () => {
    const event = { startsAt: at("2026-11-25T08:30:00Z"), endsAt: at("2026-11-25T12:10:00Z") };
    const window = dayWindow("2026-11-25", event, [], AMS);
    expect(localInput(window.startsAt, AMS)).toBe("2026-11-25T09:00");
    expect(localInput(window.endsAt, AMS)).toBe("2026-11-25T14:00");
    expect(hoursOf(window, AMS).map((h) => localInput(h, AMS).slice(11))).toEqual([
      "09:00",
      "10:00",
      "11:00",
      "12:00",
      "13:00",
      "14:00",
    ]);
  });
});

describe("a session across midnight", () => {
  // 22:30–01:30 on the event's clock (Amsterdam, UTC+1 in November), in an evening event.
  const event = { startsAt: at("2026-11-25T18:00:00Z"), endsAt: at("2026-11-26T01:00:00Z") };
  const late = { startsAt: at("2026-11-25T21:30:00Z"), endsAt: at("2026-11-26T00:30:00Z") };

  it("is drawn on both days, each day's part cut at midnight, as Google Calendar draws it", () => {
    expect(programmeDays(event, [late], AMS)).toEqual(["2026-11-25", "2026-11-26"]);
    const first = dayWindow("2026-11-25", event, [late], AMS);
    expect(localInput(first.endsAt, AMS)).toBe("2026-11-26T00:00");
    const evening = drawn(late, first);
    expect(evening).toMatchObject({ before: false, after: true });
    // From 22:30 to the window's end, not past the canvas.
    expect(xOf(evening.span.startsAt, first) + widthOf(evening.span)).toBe(widthOf(first));

    const second = dayWindow("2026-11-26", event, [late], AMS);
    expect(localInput(second.startsAt, AMS)).toBe("2026-11-26T00:00");
    const night = drawn(late, second);
    expect(night).toMatchObject({ before: true, after: false });
    // Its block begins at the canvas's left edge, title in view, and ends at 01:30.
    expect(xOf(night.span.startsAt, second)).toBe(0);
    expect(widthOf(night.span)).toBe(90 * 4);
  });

  it("leaves a session within the day as it is", () => {
    const talk = { startsAt: at("2026-11-25T19:00:00Z"), endsAt: at("2026-11-25T20:00:00Z") };
    expect(drawn(talk, dayWindow("2026-11-25", event, [talk], AMS))).toEqual({
      span: talk,
      before: false,
      after: false,
    });
  });
});

describe("positions and snapping", () => {
  const window = { startsAt: at("2026-11-25T09:00:00Z"), endsAt: at("2026-11-25T17:00:00Z") };

  it("maps times to pixels and back: an hour is 240 px, a 5-minute step 20 px", () => {
    expect(xOf(at("2026-11-25T10:30:00Z"), window)).toBe(360);
    expect(msOfPx(20)).toBe(5 * MINUTE);
  });

  it("snaps to 5 minutes", () => {
    expect(snap(at("2026-11-25T10:02:29Z"))).toBe(at("2026-11-25T10:00:00Z"));
    expect(snap(at("2026-11-25T10:02:31Z"))).toBe(at("2026-11-25T10:05:00Z"));
  });

  it("a dragged block keeps its length and snaps its start; a resized one never goes under 5 minutes", () => {
    const block = { startsAt: at("2026-11-25T10:00:00Z"), endsAt: at("2026-11-25T10:45:00Z") };
    expect(moved(block, msOfPx(74))).toEqual({
      startsAt: at("2026-11-25T10:20:00Z"),
      endsAt: at("2026-11-25T11:05:00Z"),
    });
    expect(resized(block, "end", at("2026-11-25T11:03:00Z")).endsAt).toBe(at("2026-11-25T11:05:00Z"));
    expect(resized(block, "end", at("2026-11-25T09:00:00Z"))).toEqual({
      startsAt: block.startsAt,
      endsAt: block.startsAt + 5 * MINUTE,
    });
    expect(resized(block, "start", at("2026-11-25T09:41:00Z")).startsAt).toBe(at("2026-11-25T09:40:00Z"));
  });
});

describe("the keyboard's drag", () => {
  const block = { startsAt: at("2026-11-25T10:00:00Z"), endsAt: at("2026-11-25T10:45:00Z") };

  it("arrows move by 5 minutes; with Shift they change the end; Enter edits", () => {
    expect(keyOutcome("ArrowLeft", false, block)).toEqual({
      change: { startsAt: at("2026-11-25T09:55:00Z"), endsAt: at("2026-11-25T10:40:00Z") },
    });
    expect(keyOutcome("ArrowRight", true, block)).toEqual({
      change: { startsAt: block.startsAt, endsAt: at("2026-11-25T10:50:00Z") },
    });
    expect(keyOutcome("ArrowLeft", true, { startsAt: block.startsAt, endsAt: block.startsAt + 5 * MINUTE })).toEqual({
      change: { startsAt: block.startsAt, endsAt: block.startsAt + 5 * MINUTE },
    });
    expect(keyOutcome("Enter", false, block)).toEqual({ edit: true });
    expect(keyOutcome("Tab", false, block)).toBeNull();
  });
});

describe("lanes", () => {
  it("one lane per kind; parallel sessions of a kind on rows of their own", () => {
    const s = (id: string, kind: "stage" | "breakout", from: number, to: number) => ({
      id,
      kind,
      startsAt: from * HOUR,
      endsAt: to * HOUR,
    });
    const lanes = lanesOf([
      s("a", "breakout", 1, 2),
      s("b", "breakout", 1, 3),
      s("c", "breakout", 2, 3),
      s("st", "stage", 0, 4),
    ]);
    expect(lanes.map((l) => l.kind)).toEqual(["stage", "breakout", "carousel", "stream-room"]);
    const breakouts = lanes[1]!;
    expect(breakouts.rows).toBe(2);
    expect(breakouts.blocks.map((b) => [b.item.id, b.row])).toEqual([
      ["a", 0],
      ["b", 1],
      ["c", 0],
    ]);
    expect(lanes[2]!.rows).toBe(1);
  });
});
