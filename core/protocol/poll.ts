import * as v from "valibot";
import { MutationId, EntityId, Text, type Sequenced } from "./common";
import { itemFrames, type ItemRemovedEvent, type ItemStatus, type ItemUpsertEvent } from "./items";
import { PollTranslations } from "./item-texts";
import { Limits } from "./limits";

export const PollKinds = ["single", "multi"] as const;
export type PollKind = (typeof PollKinds)[number];
/** `live`: everyone sees results while voting; `after-close`: participants see them once closed. */
export const PollResultModes = ["live", "after-close"] as const;
export type PollResultMode = (typeof PollResultModes)[number];

export const PollDefinition = v.strictObject({
  question: Text(Limits.pollQuestionChars),
  kind: v.picklist(PollKinds),
  options: v.pipe(
    v.array(Text(Limits.pollOptionChars)),
    v.minLength(Limits.pollMinOptions),
    v.maxLength(Limits.pollMaxOptions),
  ),
  results: v.optional(v.picklist(PollResultModes), "live"),
  /** The question and options in the event's other languages. */
  translations: PollTranslations,
});
export type PollDefinition = v.InferOutput<typeof PollDefinition>;

const PollItem = itemFrames("poll", PollDefinition);
export const PollCreateFrame = PollItem.create;
export type PollCreateFrame = v.InferOutput<typeof PollCreateFrame>;
export const PollOpenFrame = PollItem.open;
export type PollOpenFrame = v.InferOutput<typeof PollOpenFrame>;
export const PollCloseFrame = PollItem.close;
export type PollCloseFrame = v.InferOutput<typeof PollCloseFrame>;
export const PollVisibilityFrame = PollItem.visibility;
export type PollVisibilityFrame = v.InferOutput<typeof PollVisibilityFrame>;
/** Moderator: delete a draft (an opened poll has votes and stays for the report). */
export const PollDeleteFrame = PollItem.delete;
export type PollDeleteFrame = v.InferOutput<typeof PollDeleteFrame>;

/** Vote (or change the vote while the poll is open): option indexes; exactly one for `single`. */
export const PollVoteFrame = v.strictObject({
  type: v.literal("poll/vote"),
  id: MutationId,
  pollId: EntityId,
  choices: v.pipe(
    v.array(v.pipe(v.number(), v.integer(), v.minValue(0))),
    v.minLength(1),
    v.maxLength(Limits.pollMaxOptions),
  ),
});
export type PollVoteFrame = v.InferOutput<typeof PollVoteFrame>;

export const PollFrames = [
  PollCreateFrame,
  PollOpenFrame,
  PollCloseFrame,
  PollVisibilityFrame,
  PollDeleteFrame,
  PollVoteFrame,
] as const;
export type PollFrame =
  | PollCreateFrame
  | PollOpenFrame
  | PollCloseFrame
  | PollVisibilityFrame
  | PollDeleteFrame
  | PollVoteFrame;

export interface PollView extends PollDefinition {
  id: string;
  status: ItemStatus;
  visible: boolean;
  shownAt: number | null;
  closedAt: number | null;
  /** Votes per option, or null while the receiver may not see results yet. */
  counts: number[] | null;
  /** How many people voted (shown even when the results are not). */
  voters: number;
}

export type PollUpsertEvent = ItemUpsertEvent<"poll", PollView>;
/** The poll is gone for this audience (hidden from participants, or a deleted draft). */
export type PollRemovedEvent = ItemRemovedEvent<"poll">;
/** Live results, at most four updates a second however fast votes arrive. */
export type PollTallyEvent = Sequenced<"poll/tally", { pollId: string; counts: number[] | null; voters: number }>;
export type PollEvent = PollUpsertEvent | PollRemovedEvent | PollTallyEvent;
