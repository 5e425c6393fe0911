/** Seconds left on the server's clock (never negative), rounded up so "0 s" means time is up. */
export const secondsLeft = (deadline: number, serverNow: number): number =>
  Math.max(0, Math.ceil((deadline - serverNow) / 1000));
