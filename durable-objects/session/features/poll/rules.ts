import type { ItemStatus } from "../../../../core/protocol/items";
import type { PollKind, PollResultMode } from "../../../../core/protocol/poll";
import { ok, refuse, type Outcome } from "../../../../core/rules/outcome";

/** Normalises a vote to sorted, distinct option indexes; a single-choice poll takes exactly one. */
export function validateChoices(kind: PollKind, optionCount: number, choices: readonly number[]): Outcome<number[]> {
  const distinct = [...new Set(choices)].sort((a, b) => a - b);
  if (distinct.some((c) => c >= optionCount))
    return refuse("bad_frame", "That option does not exist.", { field: "choices" });
  if (kind === "single" && distinct.length !== 1)
    return refuse("bad_frame", "Choose exactly one option.", { field: "choices" });
  return ok(distinct);
}

export function decideVote(poll: { status: ItemStatus; visible: boolean }): Outcome {
  if (poll.status !== "open" || !poll.visible) return refuse("closed", "This poll is not open for votes.");
  return ok(undefined);
}

/** Staff always see results (they decide when to show them); participants per the poll's mode. */
export const countsVisible = (poll: { results: PollResultMode; status: ItemStatus }, staff: boolean): boolean =>
  staff || poll.results === "live" || poll.status === "closed";
