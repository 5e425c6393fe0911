import type { ItemStatus } from "../../../../core/protocol/items";
import type { ItemState } from "./rules";

/** The life-cycle columns every poll, quiz and word cloud table has. */
export const itemColumns = `status TEXT NOT NULL DEFAULT 'draft',
      visible INTEGER NOT NULL DEFAULT 0,
      shown_at INTEGER,
      closed_at INTEGER,
      created_at INTEGER NOT NULL,
      prepared_id TEXT UNIQUE`;

export type ItemRow = {
  id: string;
  status: ItemStatus;
  visible: number;
  shown_at: number | null;
  closed_at: number | null;
  [column: string]: SqlStorageValue;
};

export const itemState = (row: ItemRow): ItemState => ({
  status: row.status,
  visible: row.visible === 1,
  shownAt: row.shown_at,
  closedAt: row.closed_at,
});

/** An item's texts in other languages as stored: JSON, or null when there are none. */
export const translationsColumn = (translations: object | undefined): string | null =>
  translations && Object.keys(translations).length > 0 ? JSON.stringify(translations) : null;

/** The stored translations as the definition's optional field (absent when there are none). */
export const translationsOf = <D extends { translations?: unknown }>(
  column: string | null,
): Pick<D, "translations"> | Record<string, never> =>
  column ? ({ translations: JSON.parse(column) } as Pick<D, "translations">) : {};

export type ItemTable = "polls" | "quizzes" | "wordclouds";

export function saveItemState(sql: SqlStorage, table: ItemTable, id: string, s: ItemState): void {
  sql.exec(
    `UPDATE ${table} SET status = ?, visible = ?, shown_at = ?, closed_at = ? WHERE id = ?`,
    s.status,
    s.visible ? 1 : 0,
    s.shownAt,
    s.closedAt,
    id,
  );
}

/** Staff see every item; participants only the visible ones. Oldest first, the order they were made. */
export function itemRows<R extends ItemRow>(sql: SqlStorage, table: ItemTable, staff: boolean): R[] {
  return sql.exec<R>(`SELECT * FROM ${table} ${staff ? "" : "WHERE visible = 1"} ORDER BY created_at, id`).toArray();
}

export function itemRow<R extends ItemRow>(sql: SqlStorage, table: ItemTable, id: string): R | undefined {
  return sql.exec<R>(`SELECT * FROM ${table} WHERE id = ?`, id).toArray()[0];
}

export function deleteItem(sql: SqlStorage, table: ItemTable, id: string): void {
  sql.exec(`DELETE FROM ${table} WHERE id = ?`, id);
}

/** Whether a prepared item (by its D1 id) was already imported. */
export function hasPrepared(sql: SqlStorage, table: ItemTable, preparedId: string): boolean {
  return sql.exec(`SELECT 1 FROM ${table} WHERE prepared_id = ?`, preparedId).toArray().length > 0;
}
