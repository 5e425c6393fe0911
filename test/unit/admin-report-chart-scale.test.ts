import { describe, expect, it } from "vitest";
import {
  bucketStep,
  categoryRange,
  hasData,
  labelRoom,
  timeRange,
  timeSplits,
  truncate,
} from "../../client/src/admin/event/reports/chart-scale";

const at = 1_764_991_500; // a 5-minute bucket's start, in seconds

describe("report chart scales", () => {
  it("gives a single arrivals bucket its own 5 minutes with the bar centred, not a day of 00:00 ticks", () => {
    expect(timeRange([at], "bars", 300)).toEqual([at - 150, at + 150]);
    expect(timeSplits([at])).toEqual([at]);
  });

  it("keeps the first and last bar whole when there are several buckets", () => {
    expect(timeRange([at, at + 300, at + 900], "bars")).toEqual([at - 150, at + 1050]);
    expect(bucketStep([at, at + 300, at + 900])).toBe(300);
  });

  it("lets a stepped line span its buckets, the last one included", () => {
    expect(timeRange([at, at + 60, at + 120], "steps", 60)).toEqual([at, at + 180]);
    expect(timeRange([at], "steps", 60)).toEqual([at, at + 60]);
  });

  it("ticks every bucket when there are few, and leaves many to uPlot", () => {
    expect(timeSplits([at, at + 300])).toEqual([at, at + 300]);
    expect(timeSplits(Array.from({ length: 30 }, (_, i) => at + i * 60))).toBeUndefined();
  });

  it("centres categories in their slots with half a slot of padding", () => {
    expect(categoryRange(2)).toEqual([-0.5, 1.5]);
    expect(categoryRange(1)).toEqual([-0.5, 0.5]);
  });

  it("has no data before anyone came: no buckets, or only zeros", () => {
    expect(hasData(0, [{ values: [] }])).toBe(false);
    expect(hasData(3, [{ values: [0, 0, 0] }])).toBe(false);
    expect(hasData(3, [{ values: [0, 2, 0] }])).toBe(true);
  });

  it("cuts long names with an ellipsis and keeps short ones whole", () => {
    expect(truncate("Main stage: opening and keynote", 12)).toBe("Main stage:…");
    expect(truncate("Coffee", 12)).toBe("Coffee");
    expect(truncate("Networking carousel", 11)).toBe("Networking…");
    expect(truncate("Abc", 1)).toBe("…");
  });

  it("fits labels to their slot's width", () => {
    expect(labelRoom(1000, 5)).toBe(27);
    expect(labelRoom(300, 10)).toBe(3);
  });
});
