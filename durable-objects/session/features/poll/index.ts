import { defineFeature } from "../../../runtime/feature";
import { itemHandlers, itemSnapshot } from "../items/handler";
import { flushPollTallies, onPollVote, POLL_TICK, pollItems } from "./handler";
import { pollMigrations, votesBy } from "./store";

/** Polls: the shared item life cycle, plus votes and their tallies. */
export const poll = defineFeature({
  name: "poll",
  frames: {
    ...itemHandlers(pollItems),
    "poll/vote": onPollVote,
  },
  migrations: pollMigrations,
  snapshot: { polls: (room, staff) => itemSnapshot(room, pollItems, staff) },
  me: { polls: (room, who) => votesBy(room.sql, who.registrationId) },
  audience: { "poll/upsert": "varies", "poll/removed": "varies", "poll/tally": "varies" },
  ticks: { [POLL_TICK]: flushPollTallies },
});
