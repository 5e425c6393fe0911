import type { Emoji, ReactionBurstFrame, ReactionConfiguredEvent, ReactionFrame } from "../../../core/protocol";
import { addReaction, reactionRate } from "../features/reaction";
import { ok } from "../../../core/rules/outcome";
import type { FrameContext, RoomContext } from "../../runtime/context";
import type { Unsequenced } from "../../runtime/events";
import { mutate } from "../../runtime/mutate";
import { readSettings, writeSettings } from "../store/settings";

/** Reactions waiting for the next burst. In memory: a reaction lost in a restart is not worth keeping. */
export class Reactions {
  private counts: Partial<Record<Emoji, number>> = {};

  constructor(private readonly room: RoomContext) {
    room.ticker.register("reaction", () => this.flush());
  }

  add(emoji: Emoji): void {
    this.counts = addReaction(this.counts, emoji);
    this.room.ticker.mark("reaction", "burst", { durable: false });
  }

  private flush(): void {
    const counts = this.counts;
    this.counts = {};
    if (Object.keys(counts).length > 0) this.room.sendEphemeral("all", { type: "reaction/burst", counts } satisfies ReactionBurstFrame);
  }
}

export function onReaction(frame: ReactionFrame, fc: FrameContext): void {
  const { room, who } = fc;
  switch (frame.type) {
    case "reaction/send": {
      // Fleeting: over the limit or switched off, a reaction is dropped without an error frame
      // (a person tapping 👏 fast should not get a stack of error toasts).
      if (!readSettings(room.sql).reactionsEnabled) return;
      if (!room.limiter.take(`r:${who.registrationId}`, reactionRate, room.now()).ok) return;
      return room.reactions.add(frame.emoji);
    }
    case "reaction/configure":
      return mutate(
        fc,
        frame,
        () => {
          writeSettings(room.sql, { reactionsEnabled: frame.enabled });
          room.publish("all", { type: "reaction/configured", enabled: frame.enabled } satisfies Unsequenced<ReactionConfiguredEvent>);
          return ok(undefined);
        },
        { moderator: true },
      );
    default:
      return frame satisfies never;
  }
}
