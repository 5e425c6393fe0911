import type { RoomContext } from "../../runtime/context";
import { stateFrame } from "./carousel-views";
import { flushPollTallies } from "./poll";
import { flushQaVotes } from "./qa";
import { flushQuizProgress } from "./quiz";
import { flushCloudWords } from "./wordcloud";

/** The throttled aggregates, by the feature name their dirty marks use (presence and reactions register themselves). */
export function registerTicks(room: RoomContext): void {
  room.ticker.register("poll", (ids) => flushPollTallies(room, ids));
  room.ticker.register("qa", (ids) => flushQaVotes(room, ids));
  room.ticker.register("quiz", (ids) => flushQuizProgress(room, ids));
  room.ticker.register("wordcloud", (ids) => flushCloudWords(room, ids));
  // The carousel's shared view (clock and counts): once a tick however many people came and went.
  room.ticker.register("carousel", () => room.sendEphemeral("all", stateFrame(room)));
}
