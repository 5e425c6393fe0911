/**
 * Updates that keep identity. Lists on the page (`<For>`) keep an item's DOM, and the state inside
 * it (a choice ticked but not yet sent, a word being typed, a playing video), for as long as the
 * item is the same object. A server frame that replaces an item with a fresh copy (a tally, a
 * periodic refresh, a snapshot after a reconnect) would rebuild all of that; these helpers write
 * the new fields into the item already there instead, so only what changed notifies its readers.
 */

/** Writes `next`'s fields into `target` (dropping fields `next` lacks) and returns `target`. */
export function mergeInto<T extends object>(target: T, next: T): T {
  const t = target as Record<string, unknown>;
  const n = next as Record<string, unknown>;
  for (const key of Object.keys(t)) if (!(key in n)) delete t[key];
  for (const [key, value] of Object.entries(n)) if (t[key] !== value) t[key] = value;
  return target;
}

/** `next`, in its order, with each item that was already there (by key) updated in place. */
export function mergeBy<T extends object>(items: readonly T[], next: readonly T[], key: (item: T) => string): T[] {
  const before = new Map(items.map((x) => [key(x), x]));
  return next.map((x) => {
    const old = before.get(key(x));
    return old ? mergeInto(old, x) : x;
  });
}

export const mergeById = <T extends { id: string }>(items: readonly T[], next: readonly T[]): T[] =>
  mergeBy(items, next, (x) => x.id);

/** Updates the item with the same key in place, or appends it (the order items were made in). */
export function upsertBy<T extends object>(items: readonly T[], item: T, key: (item: T) => string): T[] {
  const old = items.find((x) => key(x) === key(item));
  if (!old) return [...items, item];
  mergeInto(old, item);
  return items as T[];
}

export const upsertById = <T extends { id: string }>(items: readonly T[], item: T): T[] =>
  upsertBy(items, item, (x) => x.id);

/** Changes some fields of the item with this id in place (a tally, a count). */
export function patchById<T extends { id: string }>(items: readonly T[], id: string, patch: Partial<T>): void {
  const item = items.find((x) => x.id === id);
  if (item) Object.assign(item, patch);
}
