import type { ItemStatus } from "../../../../core/protocol";

/**
 * What an output shows: of the items participants can see, the one shown most recently (opened
 * or shown again). Hiding it brings back the previous one, or an empty (transparent) page.
 */
export function currentItem<T extends { visible: boolean; shownAt: number | null; status: ItemStatus }>(
  items: readonly T[],
): T | undefined {
  return items.filter((i) => i.visible && i.status !== "draft").sort((a, b) => (b.shownAt ?? 0) - (a.shownAt ?? 0))[0];
}
