import type {
  WordcloudBlockFrame,
  WordcloudBlocklistEvent,
  WordcloudSubmitFrame,
  WordcloudView,
  WordcloudWordsEvent,
} from "../../../../core/protocol";
import { ok, refuse, type Outcome } from "../../../../core/rules/outcome";
import { prepareWordcloud } from "../../../../core/rules/prepare";
import type { FrameContext, RoomContext } from "../../../runtime/context";
import type { Unsequenced } from "../../../runtime/events";
import { mutate } from "../../../runtime/mutate";
import { openedItem, type ItemKindSpec } from "../items/handler";
import { itemRow, itemState } from "../items/store";
import { recordActivity, report } from "../reports";
import { builtInBlocklist } from "./profanity";
import { decideEntry, normalizeWord } from "./rules";
import {
  blockedWords,
  cloudDefinition,
  cloudWords,
  entriesOf,
  insertCloud,
  insertEntry,
  setBlocked,
  type CloudRow,
} from "./store";

/** The tick's stored name. */
export const WORDCLOUD_TICK = "wordcloud";

export function cloudView(room: RoomContext, row: CloudRow): WordcloudView {
  const { words, entries } = cloudWords(room.sql, row.id);
  return { id: row.id, ...cloudDefinition(row), ...itemState(row), words, entries };
}

function reportCloud(room: RoomContext, row: CloudRow): void {
  const { words, entries, contributors } = cloudWords(room.sql, row.id, Number.MAX_SAFE_INTEGER);
  report(room, {
    kind: "result",
    interactionId: row.id,
    title: row.prompt,
    closedAt: row.closed_at,
    result: { type: "wordcloud", prompt: row.prompt, words, entries, contributors },
  });
}

/** Word clouds in the shared item life cycle. */
export const cloudItems: ItemKindSpec<"wordcloud", CloudRow> = {
  kind: "wordcloud",
  table: "wordclouds",
  idPrefix: "cloud",
  prepare: prepareWordcloud,
  insert: insertCloud,
  view: cloudView,
  report: reportCloud,
};

export const onWordcloudSubmit = (frame: WordcloudSubmitFrame, fc: FrameContext) =>
  mutate(fc, frame, () => submit(frame, fc));
export const onWordcloudBlock = (frame: WordcloudBlockFrame, fc: FrameContext) =>
  mutate(fc, frame, () => block(frame, fc), { moderator: true });

function submit(frame: WordcloudSubmitFrame, { room, who }: FrameContext): Outcome {
  const row = openedItem<CloudRow>(room, "wordclouds", frame.cloudId);
  if (!row) return refuse("not_found", "That word cloud does not exist.");
  const entry = decideEntry(
    { ...itemState(row), perPerson: row.per_person, mine: entriesOf(room.sql, row.id, who.registrationId) },
    frame.text,
    [builtInBlocklist, new Set(blockedWords(room.sql))],
  );
  if (!entry.ok) return entry;
  insertEntry(room.sql, { cloudId: row.id, registrationId: who.registrationId, ...entry.value }, room.now());
  recordActivity(room, who.registrationId, "word");
  room.ticker.mark(WORDCLOUD_TICK, row.id);
  return ok(undefined);
}

function block(frame: WordcloudBlockFrame, { room }: FrameContext): Outcome {
  const word = normalizeWord(frame.word);
  if (!word) return refuse("bad_frame", "Write the word to filter.", { field: "word" });
  for (const cloudId of setBlocked(room.sql, word, frame.blocked, room.now()))
    room.ticker.mark(WORDCLOUD_TICK, cloudId);
  room.publish("staff", {
    type: "wordcloud/blocklist",
    words: blockedWords(room.sql),
  } satisfies Unsequenced<WordcloudBlocklistEvent>);
  return ok(undefined);
}

/** Tick: the cloud's words once per quarter second while entries arrive. */
export function flushCloudWords(room: RoomContext, ids: string[]): void {
  for (const id of ids) {
    const row = itemRow<CloudRow>(room.sql, "wordclouds", id);
    if (!row) continue;
    const { words, entries } = cloudWords(room.sql, id);
    room.publish(row.visible ? "all" : "staff", {
      type: "wordcloud/words",
      cloudId: id,
      words,
      entries,
    } satisfies Unsequenced<WordcloudWordsEvent>);
    // A filter change after the close alters the final result too.
    if (row.status === "closed") reportCloud(room, row);
  }
}
