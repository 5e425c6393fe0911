/**
 * The matrix grid on the 1920×1080 canvas: the number of columns that makes 16:9 tiles as large
 * as they can be for `n` people (2 → 2×1, 4 → 2×2, 6 → 3×2, 25 → 5×5).
 */
export function gridFor(
  n: number,
  width = 1920,
  height = 1080,
): { columns: number; rows: number; tileWidth: number; tileHeight: number } {
  let best = { columns: 1, rows: 1, tileWidth: width, tileHeight: height };
  let bestArea = -1;
  for (let columns = 1; columns <= Math.max(1, n); columns++) {
    const rows = Math.max(1, Math.ceil(n / columns));
    const tileWidth = Math.min(width / columns, ((height / rows) * 16) / 9);
    const area = tileWidth * ((tileWidth * 9) / 16);
    // At equal size, more columns: two people side by side rather than stacked.
    if (area >= bestArea - 0.5) {
      bestArea = area;
      best = { columns, rows, tileWidth: Math.floor(tileWidth), tileHeight: Math.floor((tileWidth * 9) / 16) };
    }
  }
  return best;
}
