import type { PollView } from "../../../../core/protocol";
import { defineSlice } from "../session/slice";
import { mergeById, patchById, upsertById } from "../session/upsert";

export const poll = defineSlice({
  feature: "poll",
  empty: () => ({ polls: [] as PollView[] }),
  /** Poll id → the options this person chose. */
  mine: () => ({ polls: {} }),
  snapshot(s, snap) {
    s.polls = mergeById(s.polls, snap.polls);
  },
  events: {
    "poll/upsert"(s, e) {
      s.polls = upsertById(s.polls, e.poll);
    },
    "poll/removed"(s, e) {
      s.polls = s.polls.filter((p) => p.id !== e.pollId);
    },
    "poll/tally"(s, e) {
      patchById(s.polls, e.pollId, { counts: e.counts, voters: e.voters });
    },
  },
  acks: {
    "poll/vote"(s, request) {
      s.me.polls = { ...s.me.polls, [request.pollId]: [...new Set(request.choices)].sort((a, b) => a - b) };
    },
  },
});
