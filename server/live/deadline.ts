/**
 * `work`'s value, or null when it fails or takes longer than `ms`: the control room shows a live
 * object that is slow, absent or broken as unknown instead of failing (or holding up) the page.
 */
export function withinOrNull<T>(work: () => Promise<T>, ms: number): Promise<T | null> {
  return new Promise<T | null>((resolve) => {
    const timer = setTimeout(() => resolve(null), ms);
    let started: Promise<T>;
    try {
      started = work();
    } catch {
      clearTimeout(timer);
      return resolve(null);
    }
    started.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(null);
      },
    );
  });
}
