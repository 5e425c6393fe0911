import type { PreparedInteraction } from "../../../core/contract/interactions";
import type { RoomContext } from "../../runtime/context";
import { deleteItem, hasPrepared, itemRow, type ItemRow, type ItemTable } from "../store/items";
import { insertPoll } from "../store/poll";
import { insertQuiz } from "../store/quiz";
import { insertCloud } from "../store/wordcloud";
import { publishPoll } from "./poll";
import { publishQuiz } from "./quiz";
import { publishCloud } from "./wordcloud";
import { newId } from "../../../server/ids";

type Kind = PreparedInteraction["kind"];
type Definition<K extends Kind> = Extract<PreparedInteraction, { kind: K }>["definition"];

interface KindOps<K extends Kind> {
  table: ItemTable;
  insert(sql: SqlStorage, id: string, def: Definition<K>, now: number, preparedId: string): void;
  publish(room: RoomContext, change: { before: ItemRow; after: ItemRow | undefined }): void;
}

const kinds: { [K in Kind]: KindOps<K> } = {
  poll: { table: "polls", insert: insertPoll, publish: (room, c) => publishPoll(room, c as Parameters<typeof publishPoll>[1]) },
  quiz: { table: "quizzes", insert: insertQuiz, publish: (room, c) => publishQuiz(room, c as Parameters<typeof publishQuiz>[1]) },
  wordcloud: { table: "wordclouds", insert: insertCloud, publish: (room, c) => publishCloud(room, c as Parameters<typeof publishCloud>[1]) },
};

function importOne<K extends Kind>(room: RoomContext, item: Extract<PreparedInteraction, { kind: K }>): boolean {
  const ops = kinds[item.kind] as KindOps<K>;
  if (hasPrepared(room.sql, ops.table, item.id)) return false;
  const id = newId(item.kind);
  ops.insert(room.sql, id, item.definition as Definition<K>, room.now(), item.id);
  const row = itemRow(room.sql, ops.table, id)!;
  ops.publish(room, { before: row, after: row });
  return true;
}

/**
 * Brings the organizer's prepared polls, quizzes and word clouds into the session as drafts for
 * moderators to open. Idempotent (keyed by the prepared item's id); a prepared item deleted in
 * the admin API disappears here too, as long as it is still a draft.
 */
export function importPrepared(room: RoomContext, items: readonly PreparedInteraction[]): { imported: number; removed: number } {
  let imported = 0;
  for (const item of items) if (importOne(room, item)) imported++;
  let removed = 0;
  const keep = new Set(items.map((i) => i.id));
  for (const ops of Object.values(kinds)) {
    const stale = room.sql
      .exec<ItemRow & { prepared_id: string }>(`SELECT * FROM ${ops.table} WHERE status = 'draft' AND prepared_id IS NOT NULL`)
      .toArray()
      .filter((r) => !keep.has(r.prepared_id));
    for (const row of stale) {
      deleteItem(room.sql, ops.table, row.id);
      ops.publish(room, { before: row, after: undefined });
      removed++;
    }
  }
  return { imported, removed };
}
