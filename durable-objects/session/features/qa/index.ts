import { defineFeature } from "../../../runtime/feature";
import {
  flushQaVotes,
  onQaAsk,
  onQaConfigure,
  onQaHighlight,
  onQaModerate,
  onQaUpvote,
  QA_TICK,
  qaSnapshot,
} from "./handler";
import { askedBy, qaMigrations, upvotedBy } from "./store";

/** Questions and upvotes, moderated, with one question highlighted on the stage. */
export const qa = defineFeature({
  name: "qa",
  frames: {
    "qa/ask": onQaAsk,
    "qa/upvote": onQaUpvote,
    "qa/moderate": onQaModerate,
    "qa/highlight": onQaHighlight,
    "qa/configure": onQaConfigure,
  },
  migrations: qaMigrations,
  snapshot: { qa: qaSnapshot },
  me: {
    qa: (room, who) => ({
      upvoted: upvotedBy(room.sql, who.registrationId),
      asked: askedBy(room.sql, who.registrationId),
    }),
  },
  // Pending and dismissed questions go to staff only; a question leaving the public view goes to participants as `removed`.
  audience: {
    "qa/question": "varies",
    "qa/removed": "varies",
    "qa/votes": "all",
    "qa/highlighted": "all",
    "qa/configured": "all",
  },
  ticks: { [QA_TICK]: flushQaVotes },
});
