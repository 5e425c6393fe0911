import type { ItemStatus } from "../../../../core/protocol/items";
import { ok, refuse, type Outcome } from "../../../../core/rules/outcome";

/** The shared life cycle of polls, quizzes and word clouds (see `ItemStatuses`). */
export interface ItemState {
  status: ItemStatus;
  visible: boolean;
  shownAt: number | null;
  closedAt: number | null;
}

export type ItemAction = "open" | "close" | "show" | "hide" | "delete";

export const draftItem = (): ItemState => ({ status: "draft", visible: false, shownAt: null, closedAt: null });

/**
 * Applies a moderator's action. Closing is final: results are written to the report when an
 * item closes, so reopening would make the report wrong; prepare a new one instead (what Slido
 * does with "duplicate"). Hiding an open item closes it: participants can no longer see it, so
 * it must not keep taking answers.
 */
export function applyItemAction(item: ItemState, action: ItemAction, now: number): Outcome<ItemState> {
  switch (action) {
    case "open":
      if (item.status !== "draft")
        return refuse("conflict", item.status === "open" ? "It is already open." : "It is closed; closing is final.");
      return ok({ ...item, status: "open", visible: true, shownAt: now });
    case "close":
      if (item.status !== "open") return refuse("conflict", "Only an open item can be closed.");
      return ok({ ...item, status: "closed", closedAt: now });
    case "show":
      if (item.status === "draft") return refuse("conflict", "Open it first.");
      return ok({ ...item, visible: true, shownAt: now });
    case "hide":
      if (item.status === "draft") return refuse("conflict", "A draft is not shown to anyone yet.");
      return ok({
        ...item,
        visible: false,
        ...(item.status === "open" ? { status: "closed" as const, closedAt: now } : {}),
      });
    case "delete":
      if (item.status !== "draft")
        return refuse("conflict", "Only drafts can be deleted; this one has answers for the report.");
      return ok(item);
    default:
      return action satisfies never;
  }
}

/** Whether the item just closed (its final results go to the report). */
export const justClosed = (before: ItemState, after: ItemState): boolean =>
  before.status === "open" && after.status === "closed";
