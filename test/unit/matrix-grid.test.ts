import { describe, expect, it } from "vitest";
import { gridFor } from "../../client/src/features/matrix/grid";

describe("matrix grid on 1920×1080", () => {
  it("makes the tiles as large as they can be, side by side at equal size", () => {
    expect([1, 2, 4, 6, 9, 25].map((n) => [gridFor(n).columns, gridFor(n).rows])).toEqual([
      [1, 1],
      [2, 1],
      [2, 2],
      [3, 2],
      [3, 3],
      [5, 5],
    ]);
    expect(gridFor(4)).toMatchObject({ tileWidth: 960, tileHeight: 540 });
  });

  it("always fits every tile on the canvas", () => {
    for (let n = 1; n <= 25; n++) {
      const g = gridFor(n);
      expect(g.columns * g.rows).toBeGreaterThanOrEqual(n);
      expect(g.columns * g.tileWidth).toBeLessThanOrEqual(1920);
      expect(g.rows * g.tileHeight).toBeLessThanOrEqual(1080);
    }
  });
});
