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
export const Text = (maxChars: number) =>
  v.pipe(v.string(), v.maxLength(maxChars * 2, `is longer than ${maxChars} characters`));

/** A session event: a state change every client in its audience applies in `seq` order. */
export type Sequenced<T extends string, Fields extends object> = WireFrame<T, Fields & { seq: number }>;

export interface PersonRef {
  registrationId: string;
  name: string;
}
