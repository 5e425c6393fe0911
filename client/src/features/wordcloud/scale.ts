/** Font scale 0…1: grows with the square root of the count (so a word's area tracks its frequency). */
export function wordScale(count: number, top: number): number {
  if (top <= 1) return 1;
  return Math.sqrt((count - 1) / (top - 1));
}
