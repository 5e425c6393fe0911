import { createSignal, onCleanup, type Accessor } from "solid-js";

/** How often the control room asks for fresh figures. */
export const REFRESH_MS = 5_000;
/** Without a good answer for this long, the figures are called stale even while a request still hangs. */
export const STALE_MS = 2.5 * REFRESH_MS;

export interface Refresher {
  /** When the last good answer arrived (this page's clock), or undefined before the first. */
  lastOk: Accessor<number | undefined>;
  /** The last failure, while no good answer has come since. */
  failure: Accessor<unknown>;
  /** True when the figures on screen may be out of date (a failure, or no answer for too long). */
  stale: Accessor<boolean>;
  /** Ask now (after an action whose effect should show at once). */
  now(): void;
}

/**
 * Calls `load` every REFRESH_MS, one request at a time, for as long as the component lives; the
 * caller merges each answer into what is on screen (so rows stay the same elements). A page left
 * open for hours keeps exactly one timer: the interval is made once and cleared on cleanup.
 */
export function refreshEvery(load: () => Promise<void>): Refresher {
  const [lastOk, setLastOk] = createSignal<number>();
  const [failure, setFailure] = createSignal<unknown>();
  const [tick, setTick] = createSignal(Date.now());
  let inFlight = false;

  const run = async () => {
    setTick(Date.now());
    if (inFlight) return;
    inFlight = true;
    try {
      await load();
      setLastOk(Date.now());
      setFailure(undefined);
    } catch (err) {
      setFailure(() => err);
    } finally {
      inFlight = false;
    }
  };

  void run();
  const timer = setInterval(() => void run(), REFRESH_MS);
  onCleanup(() => clearInterval(timer));

  const stale = () => {
    if (failure() !== undefined) return true;
    const ok = lastOk();
    return ok !== undefined && tick() - ok > STALE_MS;
  };
  return { lastOk, failure, stale, now: () => void run() };
}
