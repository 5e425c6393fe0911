import * as v from "valibot";
import { MutationId, type Sequenced } from "./common";
import type { WireFrame } from "./wire";

export const Emojis = ["👍", "❤️", "👏", "😂", "🎉", "😮"] as const;
export type Emoji = (typeof Emojis)[number];

/**
 * A reaction is fleeting: no mutation id, no acknowledgement, nothing stored. The object adds
 * them up and broadcasts the sums a few times a second.
 */
export const ReactionSendFrame = v.strictObject({ type: v.literal("reaction/send"), emoji: v.picklist(Emojis) });
export type ReactionSendFrame = v.InferOutput<typeof ReactionSendFrame>;

export const ReactionConfigureFrame = v.strictObject({
  type: v.literal("reaction/configure"),
  id: MutationId,
  enabled: v.boolean(),
});
export type ReactionConfigureFrame = v.InferOutput<typeof ReactionConfigureFrame>;

export const ReactionFrames = [ReactionSendFrame, ReactionConfigureFrame] as const;
export type ReactionFrame = ReactionSendFrame | ReactionConfigureFrame;

export type ReactionConfiguredEvent = Sequenced<"reaction/configured", { enabled: boolean }>;
/** Reactions since the last burst; not sequenced (a missed burst is not worth replaying). */
export type ReactionBurstFrame = WireFrame<"reaction/burst", { counts: Partial<Record<Emoji, number>> }>;
