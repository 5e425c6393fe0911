import type { PollEvent } from "../../../../core/protocol";
import type { SessionState } from "../session/state";
import { patchById, upsertById } from "../session/upsert";

export function applyPoll(s: SessionState, e: PollEvent): void {
  switch (e.type) {
    case "poll/upsert":
      s.polls = upsertById(s.polls, e.poll);
      return;
    case "poll/removed":
      s.polls = s.polls.filter((p) => p.id !== e.pollId);
      return;
    case "poll/tally":
      patchById(s.polls, e.pollId, { counts: e.counts, voters: e.voters });
      return;
    default:
      return e satisfies never;
  }
}
