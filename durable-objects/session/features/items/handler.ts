import {
  clientFrameTypes,
  ItemKinds,
  ItemVerbs,
  type ClientFrameType,
  type ItemField,
  type ItemKey,
  type ItemKind,
  type ItemVerb,
  type MutationFrame,
  type SessionEvent,
} from "../../../../core/protocol";
import { ok, refuse, type Outcome } from "../../../../core/rules/outcome";
import { newId } from "../../../../server/ids";
import type { RoomContext } from "../../../runtime/context";
import type { Audience, Unsequenced } from "../../../runtime/events";
import type { FrameHandler, FrameHandlers, FrameOf } from "../../../runtime/feature";
import { mutate } from "../../../runtime/mutate";
import { applyItemAction, justClosed, type ItemAction } from "./rules";
import { deleteItem, itemRow, itemRows, itemState, saveItemState, type ItemRow, type ItemTable } from "./store";

/**
 * The life cycle polls, quizzes and word clouds share (draft → open → closed → hidden), run once
 * for every kind: creating, opening, closing, showing, hiding and deleting an item, publishing it
 * to the audiences that may see it, and reporting it when it closes. A kind supplies what differs
 * in an `ItemKindSpec`; what it does beyond the life cycle (votes, answers, words) is its own.
 */

/** A kind's definition, as its `<kind>/create` frame carries it. */
export type DefinitionOf<K extends ItemKind> = FrameOf<Extract<`${K}/create`, ClientFrameType>>[Extract<
  ItemField<K>,
  keyof FrameOf<Extract<`${K}/create`, ClientFrameType>>
>];
/** A kind's view, as its `<kind>/upsert` event carries it. */
export type ViewOf<K extends ItemKind> = Extract<SessionEvent, { type: `${K}/upsert` }>[Extract<
  ItemField<K>,
  keyof Extract<SessionEvent, { type: `${K}/upsert` }>
>];
/** The life-cycle frames a kind has (a quiz is started rather than opened, and has no close). */
export type LifecycleFrameType<K extends ItemKind> = Extract<`${K}/${ItemVerb}`, ClientFrameType>;

export interface ItemKindSpec<K extends ItemKind, R extends ItemRow> {
  readonly kind: K;
  readonly table: ItemTable;
  /** Prefix of a new item's id (`poll_…`, `cloud_…`). */
  readonly idPrefix: string;
  /** Checks and cleans a moderator's definition; the admin API runs the same checks on prepared items. */
  prepare(definition: DefinitionOf<K>): Outcome<DefinitionOf<K>>;
  /** Stores a new draft (`preparedId`: imported from the organizer's prepared items). */
  insert(sql: SqlStorage, id: string, definition: DefinitionOf<K>, now: number, preparedId?: string | null): void;
  /** The item as staff or participants see it. */
  view(room: RoomContext, row: R, staff: boolean): ViewOf<K>;
  /** Its results, into the report (when it closes). */
  report(room: RoomContext, row: R): void;
  /** Before a moderator hides it (a quiz ends its running question first, so its answers are scored). */
  beforeHide?(room: RoomContext, id: string): void;
}

export interface ItemChange<R extends ItemRow> {
  before: R;
  /** Undefined when the item was deleted. */
  after: R | undefined;
}

/**
 * Who hears about an item's change: staff always (drafts included), participants while it is
 * visible, and once more when it stops being visible (so it disappears from their screens).
 */
export function publishItem<K extends ItemKind, R extends ItemRow>(
  room: RoomContext,
  spec: ItemKindSpec<K, R>,
  { before, after }: ItemChange<R>,
): void {
  const { key, field } = ItemKinds[spec.kind] as { key: ItemKey<K>; field: ItemField<K> };
  const upsert = (row: R, staff: boolean) =>
    ({ type: `${spec.kind}/upsert`, [field]: spec.view(room, row, staff) }) as unknown as Unsequenced;
  const removed = () => ({ type: `${spec.kind}/removed`, [key]: before.id }) as unknown as Unsequenced;
  const send = (audience: Audience, event: Unsequenced) => room.publish(audience, event);
  send("staff", after ? upsert(after, true) : removed());
  if (after?.visible) send("participants", upsert(after, false));
  else if (before.visible) send("participants", removed());
}

/**
 * A moderator's life-cycle action on an item: checks the transition, saves it, publishes the
 * change, and writes the final results to the report when it closed.
 */
export function changeItem<K extends ItemKind, R extends ItemRow>(
  room: RoomContext,
  spec: ItemKindSpec<K, R>,
  id: string,
  action: ItemAction,
): Outcome {
  const before = itemRow<R>(room.sql, spec.table, id);
  if (!before) return refuse("not_found", "That item does not exist.");
  const next = applyItemAction(itemState(before), action, room.now());
  if (!next.ok) return next;
  if (action === "delete") deleteItem(room.sql, spec.table, id);
  else saveItemState(room.sql, spec.table, id, next.value);
  const after = itemRow<R>(room.sql, spec.table, id);
  publishItem(room, spec, { before, after });
  if (justClosed(itemState(before), next.value) && after) spec.report(room, after);
  return ok(undefined);
}

/** A new draft from a moderator: only staff see it until it opens. */
function createItem<K extends ItemKind, R extends ItemRow>(
  room: RoomContext,
  spec: ItemKindSpec<K, R>,
  raw: DefinitionOf<K>,
): Outcome<string> {
  const definition = spec.prepare(raw);
  if (!definition.ok) return definition;
  const id = newId(spec.idPrefix);
  spec.insert(room.sql, id, definition.value, room.now());
  const row = itemRow<R>(room.sql, spec.table, id)!;
  publishItem(room, spec, { before: row, after: row });
  return ok(id);
}

/** The handlers of a kind's life-cycle frames, all moderators' mutations. */
export function itemHandlers<K extends ItemKind, R extends ItemRow>(
  spec: ItemKindSpec<K, R>,
): FrameHandlers<LifecycleFrameType<K>> {
  const { key, field } = ItemKinds[spec.kind];
  // The frames are generic over the kind; their fields are read by the names the protocol gives them.
  type Fields = { [name: string]: unknown; visible?: boolean };
  const apply = (verb: ItemVerb, frame: Fields, room: RoomContext): Outcome<string | undefined> => {
    const id = frame[key] as string;
    switch (verb) {
      case "create":
        return createItem(room, spec, frame[field] as DefinitionOf<K>);
      case "open":
      case "close":
      case "delete":
        return changeItem(room, spec, id, verb);
      case "visibility":
        if (!frame.visible) spec.beforeHide?.(room, id);
        return changeItem(room, spec, id, frame.visible ? "show" : "hide");
      default:
        return verb satisfies never;
    }
  };
  const handlers: Record<string, FrameHandler<ClientFrameType>> = {};
  for (const verb of ItemVerbs) {
    const type = `${spec.kind}/${verb}`;
    if (!clientFrameTypes.has(type)) continue;
    handlers[type] = (frame, fc) =>
      mutate(fc, frame as MutationFrame, () => apply(verb, frame as unknown as Fields, fc.room), { moderator: true });
  }
  return handlers as unknown as FrameHandlers<LifecycleFrameType<K>>;
}

/** Staff see every item; participants only the visible ones. Oldest first, the order they were made. */
export function itemSnapshot<K extends ItemKind, R extends ItemRow>(
  room: RoomContext,
  spec: ItemKindSpec<K, R>,
  staff: boolean,
): ViewOf<K>[] {
  return itemRows<R>(room.sql, spec.table, staff).map((row) => spec.view(room, row, staff));
}

/** Items that moderators have not opened yet take no part: to participants they do not exist. */
export function openedItem<R extends ItemRow>(room: RoomContext, table: ItemTable, id: string): R | undefined {
  const row = itemRow<R>(room.sql, table, id);
  return row && row.status !== "draft" ? row : undefined;
}
