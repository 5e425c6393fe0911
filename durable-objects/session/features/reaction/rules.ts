import type { Emoji } from "../../../../core/protocol/reaction";
import { Limits } from "../../../../core/protocol/limits";

export const reactionRate = { burst: Limits.reactionBurst, refillMs: Limits.reactionRefillMs } as const;

/** Adds one reaction to the sums waiting for the next burst. */
export function addReaction(counts: Partial<Record<Emoji, number>>, emoji: Emoji): Partial<Record<Emoji, number>> {
  return { ...counts, [emoji]: (counts[emoji] ?? 0) + 1 };
}
