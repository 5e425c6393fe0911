import * as v from "valibot";
import { EntityId, MutationId, Text, targetFrame, visibilityFrame, type ItemStatus, type Sequenced } from "./common";
import { Limits } from "./limits";

export const WordcloudDefinition = v.strictObject({
  prompt: Text(Limits.wordcloudPromptChars),
  perPerson: v.optional(
    v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(Limits.wordsPerPersonMax)),
    Limits.wordsPerPersonDefault,
  ),
});
export type WordcloudDefinition = v.InferOutput<typeof WordcloudDefinition>;

export const WordcloudCreateFrame = v.strictObject({ type: v.literal("wordcloud/create"), id: MutationId, cloud: WordcloudDefinition });
export type WordcloudCreateFrame = v.InferOutput<typeof WordcloudCreateFrame>;
export const WordcloudOpenFrame = targetFrame("wordcloud/open", "cloudId");
export type WordcloudOpenFrame = v.InferOutput<typeof WordcloudOpenFrame>;
export const WordcloudCloseFrame = targetFrame("wordcloud/close", "cloudId");
export type WordcloudCloseFrame = v.InferOutput<typeof WordcloudCloseFrame>;
export const WordcloudVisibilityFrame = visibilityFrame("wordcloud/visibility", "cloudId");
export type WordcloudVisibilityFrame = v.InferOutput<typeof WordcloudVisibilityFrame>;
export const WordcloudDeleteFrame = targetFrame("wordcloud/delete", "cloudId");
export type WordcloudDeleteFrame = v.InferOutput<typeof WordcloudDeleteFrame>;

export const WordcloudSubmitFrame = v.strictObject({
  type: v.literal("wordcloud/submit"),
  id: MutationId,
  cloudId: EntityId,
  text: Text(Limits.wordChars),
});
export type WordcloudSubmitFrame = v.InferOutput<typeof WordcloudSubmitFrame>;

/** Moderator: add a word to (or take it off) this session's filter; matching entries disappear. */
export const WordcloudBlockFrame = v.strictObject({
  type: v.literal("wordcloud/block"),
  id: MutationId,
  word: Text(Limits.blockedWordChars),
  blocked: v.boolean(),
});
export type WordcloudBlockFrame = v.InferOutput<typeof WordcloudBlockFrame>;

export const WordcloudFrames = [
  WordcloudCreateFrame,
  WordcloudOpenFrame,
  WordcloudCloseFrame,
  WordcloudVisibilityFrame,
  WordcloudDeleteFrame,
  WordcloudSubmitFrame,
  WordcloudBlockFrame,
] as const;
export type WordcloudFrame =
  | WordcloudCreateFrame
  | WordcloudOpenFrame
  | WordcloudCloseFrame
  | WordcloudVisibilityFrame
  | WordcloudDeleteFrame
  | WordcloudSubmitFrame
  | WordcloudBlockFrame;

/** One word of the cloud: entries that normalise alike count together under one shown spelling. */
export interface CloudWord {
  text: string;
  count: number;
}

export interface WordcloudView extends WordcloudDefinition {
  id: string;
  status: ItemStatus;
  visible: boolean;
  shownAt: number | null;
  /** The most frequent words first. */
  words: CloudWord[];
  entries: number;
}

export type WordcloudUpsertEvent = Sequenced<"wordcloud/upsert", { cloud: WordcloudView }>;
export type WordcloudRemovedEvent = Sequenced<"wordcloud/removed", { cloudId: string }>;
/** Live counts, at most four updates a second. */
export type WordcloudWordsEvent = Sequenced<"wordcloud/words", { cloudId: string; words: CloudWord[]; entries: number }>;
/** Staff only: the words moderators added to the filter. */
export type WordcloudBlocklistEvent = Sequenced<"wordcloud/blocklist", { words: string[] }>;
export type WordcloudEvent = WordcloudUpsertEvent | WordcloudRemovedEvent | WordcloudWordsEvent | WordcloudBlocklistEvent;
