import type { HandEntry } from "../protocol/hand";

/**
 * The raise-hand queue, the same for the object and the staff's page. First come, first served:
 * the queue is ordered by when the hand went up, ties broken by id so every reader agrees. Changing the
 * topic keeps the place; lowering and raising again goes to the back.
 */
export function queueOrder<T extends Pick<HandEntry, "raisedAt" | "registrationId" | "status">>(
  hands: readonly T[],
): T[] {
  return hands
    .filter((h) => h.status === "waiting")
    .sort(
      (a, b) =>
        a.raisedAt - b.raisedAt ||
        (a.registrationId < b.registrationId ? -1 : a.registrationId > b.registrationId ? 1 : 0),
    );
}

/** 1-based place among waiting hands, or undefined when the person is not waiting. */
export function positionOf(
  hands: readonly Pick<HandEntry, "raisedAt" | "registrationId" | "status">[],
  registrationId: string,
): number | undefined {
  const i = queueOrder(hands).findIndex((h) => h.registrationId === registrationId);
  return i < 0 ? undefined : i + 1;
}
