import * as v from "valibot";
import { PollDefinition, QuizDefinition, WordcloudDefinition } from "../../core/protocol";

/** `POST /api/admin/sessions/:sessionId/prepared`: a poll, quiz or word cloud made ahead of time. */
export const PreparedBody = v.variant("kind", [
  v.strictObject({
    kind: v.literal("poll"),
    definition: PollDefinition,
    position: v.optional(v.pipe(v.number(), v.integer()), 0),
  }),
  v.strictObject({
    kind: v.literal("quiz"),
    definition: QuizDefinition,
    position: v.optional(v.pipe(v.number(), v.integer()), 0),
  }),
  v.strictObject({
    kind: v.literal("wordcloud"),
    definition: WordcloudDefinition,
    position: v.optional(v.pipe(v.number(), v.integer()), 0),
  }),
]);
export type PreparedBody = v.InferOutput<typeof PreparedBody>;

/**
 * `PATCH /api/admin/sessions/:sessionId/prepared/:id`: the whole new kind and definition (the
 * position stays; reordering is its own route).
 */
export const PreparedUpdateBody = v.variant("kind", [
  v.strictObject({ kind: v.literal("poll"), definition: PollDefinition }),
  v.strictObject({ kind: v.literal("quiz"), definition: QuizDefinition }),
  v.strictObject({ kind: v.literal("wordcloud"), definition: WordcloudDefinition }),
]);
export type PreparedUpdateBody = v.InferOutput<typeof PreparedUpdateBody>;

/** `POST /api/admin/sessions/:sessionId/prepared/reorder`: every prepared item's id, first first. */
export const PreparedOrderBody = v.strictObject({
  ids: v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(64))), v.maxLength(500)),
});
