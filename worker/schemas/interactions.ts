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
