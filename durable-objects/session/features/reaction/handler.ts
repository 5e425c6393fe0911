import type {
  Emoji,
  ReactionBurstFrame,
  ReactionConfiguredEvent,
  ReactionConfigureFrame,
  ReactionSendFrame,
} from "../../../../core/protocol";
import { ok } from "../../../../core/rules/outcome";
import type { FrameContext, RoomContext } from "../../../runtime/context";
import type { Unsequenced } from "../../../runtime/events";
import { mutate } from "../../../runtime/mutate";
import { readSettings, writeSettings } from "../../settings";
import { addReaction, reactionRate } from "./rules";

/** The tick's stored name. */
export const REACTION_TICK = "reaction";

/** Reactions waiting for the next burst. In memory: a reaction lost in a restart is not worth keeping. */
const waiting = new WeakMap<RoomContext, Partial<Record<Emoji, number>>>();

/** Tick: the sums since the last burst, to everyone. */
export function flushReactions(room: RoomContext): void {
  const counts = waiting.get(room) ?? {};
  waiting.delete(room);
  if (Object.keys(counts).length > 0)
    room.sendEphemeral("all", { type: "reaction/burst", counts } satisfies ReactionBurstFrame);
}

export function onReactionSend(frame: ReactionSendFrame, { room, who }: FrameContext): void {
  // Fleeting: over the limit or switched off, a reaction is dropped without an error frame
  // (a person tapping 👏 fast should not get a stack of error toasts).
  if (!readSettings(room.sql).reactionsEnabled) return;
  if (!room.limiter.take(`r:${who.registrationId}`, reactionRate, room.now()).ok) return;
  waiting.set(room, addReaction(waiting.get(room) ?? {}, frame.emoji));
  room.ticker.mark(REACTION_TICK, "burst", { durable: false });
}

export function onReactionConfigure(frame: ReactionConfigureFrame, fc: FrameContext): void {
  mutate(
    fc,
    frame,
    () => {
      writeSettings(fc.room.sql, { reactionsEnabled: frame.enabled });
      fc.room.publish("all", {
        type: "reaction/configured",
        enabled: frame.enabled,
      } satisfies Unsequenced<ReactionConfiguredEvent>);
      return ok(undefined);
    },
    { moderator: true },
  );
}
