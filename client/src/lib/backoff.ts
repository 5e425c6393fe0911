/**
 * Reconnect delay for the n-th consecutive failure (0-based): exponential from 500 ms, capped at
 * 30 s, with "equal jitter" (half fixed, half random) so a dropped crowd does not reconnect in
 * lockstep and stampede the session object.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(30_000, 500 * 2 ** Math.min(attempt, 16));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
