import type { PollTallyEvent, PollView, PollVoteFrame } from "../../../../core/protocol";
import { preparePoll } from "../../../../core/rules/prepare";
import { ok, refuse, type Outcome } from "../../../../core/rules/outcome";
import type { FrameContext, RoomContext } from "../../../runtime/context";
import type { Unsequenced } from "../../../runtime/events";
import { mutate } from "../../../runtime/mutate";
import { openedItem, type ItemKindSpec } from "../items/handler";
import { itemRow, itemState } from "../items/store";
import { recordActivity, report } from "../reports";
import { countsVisible, decideVote, validateChoices } from "./rules";
import { hasVoted, insertPoll, pollDefinition, recordVote, tally, type PollRow } from "./store";

/** The tick's stored name. */
export const POLL_TICK = "poll";

export function pollView(room: RoomContext, row: PollRow, staff: boolean): PollView {
  const def = pollDefinition(row);
  const state = itemState(row);
  const { counts, voters } = tally(room.sql, row.id, def.options.length);
  return {
    id: row.id,
    ...def,
    ...state,
    counts: countsVisible({ results: def.results, status: state.status }, staff) ? counts : null,
    voters,
  };
}

/** Polls in the shared item life cycle: what a poll is, how it looks, and what its report says. */
export const pollItems: ItemKindSpec<"poll", PollRow> = {
  kind: "poll",
  table: "polls",
  idPrefix: "poll",
  prepare: preparePoll,
  insert: insertPoll,
  view: pollView,
  report(room, row) {
    const def = pollDefinition(row);
    const { counts, voters } = tally(room.sql, row.id, def.options.length);
    report(room, {
      kind: "result",
      interactionId: row.id,
      title: def.question,
      closedAt: row.closed_at,
      result: { type: "poll", question: def.question, kind: def.kind, options: def.options, counts, voters },
    });
  },
};

export const onPollVote = (frame: PollVoteFrame, fc: FrameContext) => mutate(fc, frame, () => vote(frame, fc));

function vote(frame: PollVoteFrame, { room, who }: FrameContext): Outcome {
  const row = openedItem<PollRow>(room, "polls", frame.pollId);
  if (!row) return refuse("not_found", "That poll does not exist.");
  const open = decideVote(itemState(row));
  if (!open.ok) return open;
  const def = pollDefinition(row);
  const choices = validateChoices(def.kind, def.options.length, frame.choices);
  if (!choices.ok) return choices;
  // Polls voted in: changing one's vote is still one vote.
  if (!hasVoted(room.sql, row.id, who.registrationId)) recordActivity(room, who.registrationId, "vote");
  recordVote(room.sql, row.id, who.registrationId, choices.value, room.now());
  // The tally leaves with the next tick, together with every other vote in the same quarter second.
  room.ticker.mark(POLL_TICK, row.id);
  return ok(undefined);
}

/** Tick: one tally per poll that got votes, whatever the number of votes. */
export function flushPollTallies(room: RoomContext, ids: string[]): void {
  for (const id of ids) {
    const row = itemRow<PollRow>(room.sql, "polls", id);
    if (!row) continue;
    const def = pollDefinition(row);
    const { counts, voters } = tally(room.sql, id, def.options.length);
    const tallyFor = (staff: boolean) =>
      ({
        type: "poll/tally",
        pollId: id,
        counts: countsVisible({ results: def.results, status: row.status }, staff) ? counts : null,
        voters,
      }) satisfies Unsequenced<PollTallyEvent>;
    if (!row.visible) room.publish("staff", tallyFor(true));
    else if (countsVisible({ results: def.results, status: row.status }, false)) room.publish("all", tallyFor(false));
    else {
      room.publish("staff", tallyFor(true));
      room.publish("participants", tallyFor(false));
    }
  }
}
