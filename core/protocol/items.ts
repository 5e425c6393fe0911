import * as v from "valibot";
import { EntityId, MutationId, type Sequenced } from "./common";

/**
 * Polls, quizzes and word clouds share a life cycle: a moderator prepares a draft (only staff
 * see it), opens it (participants see it and take part), closes it (results stay on screen until
 * hidden). `visible` is whether participants see it now; `shownAt` orders what the producer's
 * output page shows: the item shown most recently.
 *
 * This module describes that life cycle once, for every kind of item: its frames
 * (`<kind>/create`, `/open`, `/close`, `/visibility`, `/delete`) and its events (`<kind>/upsert`,
 * `<kind>/removed`). Each kind names the field that carries its definition or view and the key
 * that names one item; everything a kind does beyond the life cycle (votes, answers, words) is
 * its own, in its own module.
 */
export const ItemStatuses = ["draft", "open", "closed"] as const;
export type ItemStatus = (typeof ItemStatuses)[number];

/** Per kind of item: the frame key naming one item, and the field carrying a definition or a view. */
export const ItemKinds = {
  poll: { key: "pollId", field: "poll" },
  quiz: { key: "quizId", field: "quiz" },
  wordcloud: { key: "cloudId", field: "cloud" },
} as const;
export type ItemKind = keyof typeof ItemKinds;
export type ItemKey<K extends ItemKind> = (typeof ItemKinds)[K]["key"];
export type ItemField<K extends ItemKind> = (typeof ItemKinds)[K]["field"];

/** The life-cycle actions a moderator takes, as they appear after the kind in a frame's type. */
export const ItemVerbs = ["create", "open", "close", "visibility", "delete"] as const;
export type ItemVerb = (typeof ItemVerbs)[number];

/** A moderator action on one item of a feature (`poll/open {pollId}`). */
export function targetFrame<T extends string, K extends string>(type: T, key: K) {
  return v.strictObject({
    type: v.literal(type),
    id: MutationId,
    ...({ [key]: EntityId } as Record<K, typeof EntityId>),
  });
}

/** Moderator: show an item to participants again, or hide it (an open one closes first). */
export function visibilityFrame<T extends string, K extends string>(type: T, key: K) {
  return v.strictObject({
    type: v.literal(type),
    id: MutationId,
    visible: v.boolean(),
    ...({ [key]: EntityId } as Record<K, typeof EntityId>),
  });
}

/**
 * The life-cycle frames of one kind of item. A kind uses the ones its moderators have (a quiz is
 * started and closes after its last question, so it has no `quiz/open` or `quiz/close`).
 */
export function itemFrames<const K extends ItemKind, D extends v.GenericSchema>(kind: K, definition: D) {
  const { key, field } = ItemKinds[kind] as { key: ItemKey<K>; field: ItemField<K> };
  return {
    create: v.strictObject({
      type: v.literal(`${kind}/create`),
      id: MutationId,
      ...({ [field]: definition } as Record<ItemField<K>, D>),
    }),
    open: targetFrame(`${kind}/open`, key),
    close: targetFrame(`${kind}/close`, key),
    visibility: visibilityFrame(`${kind}/visibility`, key),
    /** Only drafts can be deleted: an opened item has answers and stays for the report. */
    delete: targetFrame(`${kind}/delete`, key),
  };
}

/** What every item's view has, whatever its kind. */
export interface ItemView {
  id: string;
  status: ItemStatus;
  visible: boolean;
  shownAt: number | null;
}

/** An item appeared or changed for this audience (`poll/upsert {poll}`). */
export type ItemUpsertEvent<K extends ItemKind, View extends ItemView> = Sequenced<
  `${K}/upsert`,
  Record<ItemField<K>, View>
>;
/** The item is gone for this audience: hidden from participants, or a deleted draft (`poll/removed {pollId}`). */
export type ItemRemovedEvent<K extends ItemKind> = Sequenced<`${K}/removed`, Record<ItemKey<K>, string>>;
