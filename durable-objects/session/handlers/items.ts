import { applyItemAction, justClosed, type ItemAction } from "../features/lifecycle";
import { ok, refuse, type Outcome } from "../../../core/rules/outcome";
import type { RoomContext } from "../../runtime/context";
import type { Audience } from "../../runtime/events";
import { deleteItem, itemRow, itemState, saveItemState, type ItemRow, type ItemTable } from "../store/items";

export interface ItemChange<R extends ItemRow> {
  before: R;
  /** Undefined when the item was deleted. */
  after: R | undefined;
  /** It closed just now: time to write its final results. */
  closed: boolean;
}

/**
 * A moderator's life-cycle action on a poll, quiz or word cloud: checks the transition, saves
 * it, and hands the change to the feature to publish (and report, when it closed).
 */
export function changeItem<R extends ItemRow>(
  room: RoomContext,
  table: ItemTable,
  id: string,
  action: ItemAction,
  publish: (change: ItemChange<R>) => void,
): Outcome {
  const before = itemRow<R>(room.sql, table, id);
  if (!before) return refuse("not_found", "That item does not exist.");
  const next = applyItemAction(itemState(before), action, room.now());
  if (!next.ok) return next;
  if (action === "delete") deleteItem(room.sql, table, id);
  else saveItemState(room.sql, table, id, next.value);
  publish({ before, after: itemRow<R>(room.sql, table, id), closed: justClosed(itemState(before), next.value) });
  return ok(undefined);
}

/**
 * Who hears about an item's change: staff always (drafts included), participants while it is
 * visible, and once more when it stops being visible (so it disappears from their screens).
 */
export function publishItem<R extends ItemRow>(
  room: RoomContext,
  change: Pick<ItemChange<R>, "before" | "after">,
  upsert: (row: R, staff: boolean) => Parameters<RoomContext["publish"]>[1],
  removed: () => Parameters<RoomContext["publish"]>[1],
): void {
  const { before, after } = change;
  const send = (audience: Audience, event: Parameters<RoomContext["publish"]>[1]) => room.publish(audience, event);
  send("staff", after ? upsert(after, true) : removed());
  if (after?.visible) send("participants", upsert(after, false));
  else if (before.visible) send("participants", removed());
}
