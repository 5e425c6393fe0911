import type { PollDefinition, PollKind, PollResultMode } from "../protocol/poll";
import type { ItemStatus } from "../protocol/common";
import { Limits } from "../protocol/limits";
import { ok, refuse, type Outcome } from "./outcome";
import { cleanText } from "./text";

/** Cleans a poll's texts and refuses duplicate options (they would split the votes). */
export function preparePoll(def: PollDefinition): Outcome<PollDefinition> {
  const question = cleanText(def.question, Limits.pollQuestionChars, { field: "poll.question" });
  if (!question.ok) return question;
  const options: string[] = [];
  for (const [i, raw] of def.options.entries()) {
    const option = cleanText(raw, Limits.pollOptionChars, { field: `poll.options.${i}` });
    if (!option.ok) return option;
    if (options.some((o) => o.toLocaleLowerCase() === option.value.toLocaleLowerCase())) {
      return refuse("bad_frame", "Each option must be different.", { field: `poll.options.${i}` });
    }
    options.push(option.value);
  }
  return ok({ question: question.value, kind: def.kind, options, results: def.results });
}

/** Normalises a vote to sorted, distinct option indexes; a single-choice poll takes exactly one. */
export function validateChoices(kind: PollKind, optionCount: number, choices: readonly number[]): Outcome<number[]> {
  const distinct = [...new Set(choices)].sort((a, b) => a - b);
  if (distinct.some((c) => c >= optionCount)) return refuse("bad_frame", "That option does not exist.", { field: "choices" });
  if (kind === "single" && distinct.length !== 1) return refuse("bad_frame", "Choose exactly one option.", { field: "choices" });
  return ok(distinct);
}

export function decideVote(poll: { status: ItemStatus; visible: boolean }): Outcome {
  if (poll.status !== "open" || !poll.visible) return refuse("closed", "This poll is not open for votes.");
  return ok(undefined);
}

/** Staff always see results (they decide when to show them); participants per the poll's mode. */
export const countsVisible = (poll: { results: PollResultMode; status: ItemStatus }, staff: boolean): boolean =>
  staff || poll.results === "live" || poll.status === "closed";
