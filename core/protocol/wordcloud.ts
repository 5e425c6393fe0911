import * as v from "valibot";
import { EntityId, MutationId, Text, type Sequenced } from "./common";
import { itemFrames, type ItemRemovedEvent, type ItemStatus, type ItemUpsertEvent } from "./items";
import { WordcloudTranslations } from "./item-texts";
import { Limits } from "./limits";

export const WordcloudDefinition = v.strictObject({
  prompt: Text(Limits.wordcloudPromptChars),
  perPerson: v.optional(
    v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(Limits.wordsPerPersonMax)),
    Limits.wordsPerPersonDefault,
  ),
  /** The prompt in the event's other languages. */
  translations: WordcloudTranslations,
});
export type WordcloudDefinition = v.InferOutput<typeof WordcloudDefinition>;

const WordcloudItem = itemFrames("wordcloud", WordcloudDefinition);
export const WordcloudCreateFrame = WordcloudItem.create;
export type WordcloudCreateFrame = v.InferOutput<typeof WordcloudCreateFrame>;
export const WordcloudOpenFrame = WordcloudItem.open;
export type WordcloudOpenFrame = v.InferOutput<typeof WordcloudOpenFrame>;
export const WordcloudCloseFrame = WordcloudItem.close;
export type WordcloudCloseFrame = v.InferOutput<typeof WordcloudCloseFrame>;
export const WordcloudVisibilityFrame = WordcloudItem.visibility;
export type WordcloudVisibilityFrame = v.InferOutput<typeof WordcloudVisibilityFrame>;
export const WordcloudDeleteFrame = WordcloudItem.delete;
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

export type WordcloudUpsertEvent = ItemUpsertEvent<"wordcloud", WordcloudView>;
export type WordcloudRemovedEvent = ItemRemovedEvent<"wordcloud">;
/** Live counts, at most four updates a second. */
export type WordcloudWordsEvent = Sequenced<
  "wordcloud/words",
  { cloudId: string; words: CloudWord[]; entries: number }
>;
/** Staff only: the words moderators added to the filter. */
export type WordcloudBlocklistEvent = Sequenced<"wordcloud/blocklist", { words: string[] }>;
export type WordcloudEvent =
  | WordcloudUpsertEvent
  | WordcloudRemovedEvent
  | WordcloudWordsEvent
  | WordcloudBlocklistEvent;
