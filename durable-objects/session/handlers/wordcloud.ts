import type {
  WordcloudBlockFrame,
  WordcloudBlocklistEvent,
  WordcloudFrame,
  WordcloudRemovedEvent,
  WordcloudSubmitFrame,
  WordcloudUpsertEvent,
  WordcloudView,
  WordcloudWordsEvent,
} from "../../../core/protocol";
import type { ItemAction } from "../features/lifecycle";
import { ok, refuse, type Outcome } from "../../../core/rules/outcome";
import { builtInBlocklist } from "../features/profanity";
import { cleanText } from "../../../core/rules/text";
import { decideEntry, normalizeWord } from "../features/wordcloud";
import { Limits } from "../../../core/protocol/limits";
import type { FrameContext, RoomContext } from "../../runtime/context";
import type { Unsequenced } from "../../runtime/events";
import { mutate } from "../../runtime/mutate";
import { itemRow, itemRows, itemState } from "../store/items";
import { blockedWords, cloudDefinition, cloudWords, entriesOf, insertCloud, insertEntry, setBlocked, type CloudRow } from "../store/wordcloud";
import { changeItem, publishItem, type ItemChange } from "./items";
import { newId } from "../../../server/ids";

export function onWordcloud(frame: WordcloudFrame, fc: FrameContext): void {
  const { room } = fc;
  const moderator = { moderator: true };
  const lifecycle = (cloudId: string, action: ItemAction) => () =>
    changeItem<CloudRow>(room, "wordclouds", cloudId, action, (change) => {
      publishCloud(room, change);
      if (change.closed && change.after) reportCloud(room, change.after);
    });
  switch (frame.type) {
    case "wordcloud/create":
      return mutate(
        fc,
        frame,
        () => {
          const prompt = cleanText(frame.cloud.prompt, Limits.wordcloudPromptChars, { field: "cloud.prompt" });
          if (!prompt.ok) return prompt;
          const id = newId("cloud");
          insertCloud(room.sql, id, { prompt: prompt.value, perPerson: frame.cloud.perPerson }, room.now());
          const row = itemRow<CloudRow>(room.sql, "wordclouds", id)!;
          publishCloud(room, { before: row, after: row });
          return ok(id);
        },
        moderator,
      );
    case "wordcloud/open":
      return mutate(fc, frame, lifecycle(frame.cloudId, "open"), moderator);
    case "wordcloud/close":
      return mutate(fc, frame, lifecycle(frame.cloudId, "close"), moderator);
    case "wordcloud/visibility":
      return mutate(fc, frame, lifecycle(frame.cloudId, frame.visible ? "show" : "hide"), moderator);
    case "wordcloud/delete":
      return mutate(fc, frame, lifecycle(frame.cloudId, "delete"), moderator);
    case "wordcloud/submit":
      return mutate(fc, frame, () => submit(frame, fc));
    case "wordcloud/block":
      return mutate(fc, frame, () => block(frame, fc), moderator);
    default:
      return frame satisfies never;
  }
}

function submit(frame: WordcloudSubmitFrame, { room, who }: FrameContext): Outcome {
  const row = itemRow<CloudRow>(room.sql, "wordclouds", frame.cloudId);
  if (!row || row.status === "draft") return refuse("not_found", "That word cloud does not exist.");
  const entry = decideEntry(
    { ...itemState(row), perPerson: row.per_person, mine: entriesOf(room.sql, row.id, who.registrationId) },
    frame.text,
    [builtInBlocklist, new Set(blockedWords(room.sql))],
  );
  if (!entry.ok) return entry;
  insertEntry(room.sql, { cloudId: row.id, registrationId: who.registrationId, ...entry.value }, room.now());
  room.ticker.mark("wordcloud", row.id);
  return ok(undefined);
}

function block(frame: WordcloudBlockFrame, { room }: FrameContext): Outcome {
  const word = normalizeWord(frame.word);
  if (!word) return refuse("bad_frame", "Write the word to filter.", { field: "word" });
  for (const cloudId of setBlocked(room.sql, word, frame.blocked, room.now())) room.ticker.mark("wordcloud", cloudId);
  room.publish("staff", { type: "wordcloud/blocklist", words: blockedWords(room.sql) } satisfies Unsequenced<WordcloudBlocklistEvent>);
  return ok(undefined);
}

export function cloudView(room: RoomContext, row: CloudRow): WordcloudView {
  const { words, entries } = cloudWords(room.sql, row.id);
  return { id: row.id, ...cloudDefinition(row), ...itemState(row), words, entries };
}

export function publishCloud(room: RoomContext, change: Pick<ItemChange<CloudRow>, "before" | "after">): void {
  publishItem(
    room,
    change,
    (row) => ({ type: "wordcloud/upsert", cloud: cloudView(room, row) }) satisfies Unsequenced<WordcloudUpsertEvent>,
    () => ({ type: "wordcloud/removed", cloudId: change.before.id }) satisfies Unsequenced<WordcloudRemovedEvent>,
  );
}

function reportCloud(room: RoomContext, row: CloudRow): void {
  const { words, entries, contributors } = cloudWords(room.sql, row.id, Number.MAX_SAFE_INTEGER);
  room.report({ kind: "result", interactionId: row.id, title: row.prompt, closedAt: row.closed_at, result: { type: "wordcloud", prompt: row.prompt, words, entries, contributors } });
}

/** Tick: the cloud's words once per quarter second while entries arrive. */
export function flushCloudWords(room: RoomContext, ids: string[]): void {
  for (const id of ids) {
    const row = itemRow<CloudRow>(room.sql, "wordclouds", id);
    if (!row) continue;
    const { words, entries } = cloudWords(room.sql, id);
    room.publish(row.visible ? "all" : "staff", { type: "wordcloud/words", cloudId: id, words, entries } satisfies Unsequenced<WordcloudWordsEvent>);
    // A filter change after the close alters the final result too.
    if (row.status === "closed") reportCloud(room, row);
  }
}

export function cloudSnapshot(room: RoomContext, staff: boolean): WordcloudView[] {
  return itemRows<CloudRow>(room.sql, "wordclouds", staff).map((row) => cloudView(room, row));
}
