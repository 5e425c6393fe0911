import type { PollFrame, PollTallyEvent, PollUpsertEvent, PollView, PollRemovedEvent, PollVoteFrame } from "../../../core/protocol";
import type { ItemAction } from "../features/lifecycle";
import { countsVisible, decideVote, validateChoices } from "../features/poll";
import { ok, refuse, type Outcome } from "../../../core/rules/outcome";
import type { FrameContext, RoomContext } from "../../runtime/context";
import type { Unsequenced } from "../../runtime/events";
import { mutate } from "../../runtime/mutate";
import { itemRow, itemRows, itemState } from "../store/items";
import { insertPoll, pollDefinition, recordVote, tally, type PollRow } from "../store/poll";
import { changeItem, publishItem, type ItemChange } from "./items";
import { newId } from "../../../server/ids";
import { preparePoll } from "../../../core/rules/prepare";

export function onPoll(frame: PollFrame, fc: FrameContext): void {
  const { room } = fc;
  const moderator = { moderator: true };
  const lifecycle = (pollId: string, action: ItemAction) => () => changeItem<PollRow>(room, "polls", pollId, action, (c) => afterChange(room, c));
  switch (frame.type) {
    case "poll/create":
      return mutate(
        fc,
        frame,
        () => {
          const def = preparePoll(frame.poll);
          if (!def.ok) return def;
          const id = newId("poll");
          insertPoll(room.sql, id, def.value, room.now());
          publishPoll(room, { before: itemRow<PollRow>(room.sql, "polls", id)!, after: itemRow<PollRow>(room.sql, "polls", id) });
          return ok(id);
        },
        moderator,
      );
    case "poll/open":
      return mutate(fc, frame, lifecycle(frame.pollId, "open"), moderator);
    case "poll/close":
      return mutate(fc, frame, lifecycle(frame.pollId, "close"), moderator);
    case "poll/visibility":
      return mutate(fc, frame, lifecycle(frame.pollId, frame.visible ? "show" : "hide"), moderator);
    case "poll/delete":
      return mutate(fc, frame, lifecycle(frame.pollId, "delete"), moderator);
    case "poll/vote":
      return mutate(fc, frame, () => vote(frame, fc));
    default:
      return frame satisfies never;
  }
}

function vote(frame: PollVoteFrame, { room, who }: FrameContext): Outcome {
  const row = itemRow<PollRow>(room.sql, "polls", frame.pollId);
  // A draft is invisible to participants: to them it does not exist.
  if (!row || row.status === "draft") return refuse("not_found", "That poll does not exist.");
  const open = decideVote(itemState(row));
  if (!open.ok) return open;
  const def = pollDefinition(row);
  const choices = validateChoices(def.kind, def.options.length, frame.choices);
  if (!choices.ok) return choices;
  recordVote(room.sql, row.id, who.registrationId, choices.value, room.now());
  // The tally leaves with the next tick, together with every other vote in the same quarter second.
  room.ticker.mark("poll", row.id);
  return ok(undefined);
}

function afterChange(room: RoomContext, change: ItemChange<PollRow>): void {
  publishPoll(room, change);
  if (change.closed && change.after) reportPoll(room, change.after);
}

export function pollView(room: RoomContext, row: PollRow, staff: boolean): PollView {
  const def = pollDefinition(row);
  const state = itemState(row);
  const { counts, voters } = tally(room.sql, row.id, def.options.length);
  return { id: row.id, ...def, ...state, counts: countsVisible({ results: def.results, status: state.status }, staff) ? counts : null, voters };
}

export function publishPoll(room: RoomContext, change: Pick<ItemChange<PollRow>, "before" | "after">): void {
  publishItem(
    room,
    change,
    (row, staff) => ({ type: "poll/upsert", poll: pollView(room, row, staff) }) satisfies Unsequenced<PollUpsertEvent>,
    () => ({ type: "poll/removed", pollId: change.before.id }) satisfies Unsequenced<PollRemovedEvent>,
  );
}

function reportPoll(room: RoomContext, row: PollRow): void {
  const def = pollDefinition(row);
  const { counts, voters } = tally(room.sql, row.id, def.options.length);
  room.report({
      kind: "result",
      interactionId: row.id,
      title: def.question,
      closedAt: row.closed_at,
      result: { type: "poll", question: def.question, kind: def.kind, options: def.options, counts, voters },
    });
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

export function pollSnapshot(room: RoomContext, staff: boolean): PollView[] {
  return itemRows<PollRow>(room.sql, "polls", staff).map((row) => pollView(room, row, staff));
}
