import * as v from "valibot";
import { MUTATION_ID_PATTERN, type WireFrame } from "./wire";

/** The client-chosen id that makes a mutation idempotent (a resend is applied once). */
export const MutationId = v.pipe(v.string(), v.regex(MUTATION_ID_PATTERN, "must be 8–64 letters, digits, _ or -"));

/** Ids of things in a session (messages, questions, polls …), chosen by the server. */
export const EntityId = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, "is not a valid id"));

/**
 * Text fields are capped at the door at twice their limit in UTF-16 units (a code point takes at
 * most two); the exact per-field limit in characters is checked by the feature, which can then
 * say which limit was hit.
 */
export const Text = (maxChars: number) => v.pipe(v.string(), v.maxLength(maxChars * 2, `is longer than ${maxChars} characters`));

/** A session event: a state change every client in its audience applies in `seq` order. */
export type Sequenced<T extends string, Fields extends object> = WireFrame<T, Fields & { seq: number }>;

export interface PersonRef {
  registrationId: string;
  name: string;
}

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
 * Polls, quizzes and word clouds share a life cycle: a moderator prepares a draft (only staff
 * see it), opens it (participants see it and take part), closes it (results stay on screen until
 * hidden). `visible` is whether participants see it now; `shownAt` orders what the producer's
 * output page shows: the item shown most recently.
 */
export const ItemStatuses = ["draft", "open", "closed"] as const;
export type ItemStatus = (typeof ItemStatuses)[number];
