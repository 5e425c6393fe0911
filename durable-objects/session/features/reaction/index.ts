import { defineFeature } from "../../../runtime/feature";
import { readSettings } from "../../settings";
import { flushReactions, onReactionConfigure, onReactionSend, REACTION_TICK } from "./handler";

/** Emoji reactions: fleeting, summed and sent in bursts a few times a second. */
export const reaction = defineFeature({
  name: "reaction",
  frames: {
    "reaction/send": onReactionSend,
    "reaction/configure": onReactionConfigure,
  },
  snapshot: { reactions: (room) => ({ enabled: readSettings(room.sql).reactionsEnabled }) },
  audience: { "reaction/configured": "all" },
  ticks: { [REACTION_TICK]: flushReactions },
});
