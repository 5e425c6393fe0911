import type { PersonRef } from "../../../../core/protocol/common";
import type { ChatMessage } from "../../../../core/protocol/chat";
import type { Migration } from "../../../runtime/migrations";

export const chatMigrations: readonly Migration[] = [
  {
    id: "chat/0001_messages",
    sql: `CREATE TABLE chat_messages (
      id TEXT PRIMARY KEY,
      registration_id TEXT NOT NULL,
      name TEXT NOT NULL,
      staff INTEGER NOT NULL,
      text TEXT NOT NULL,
      at INTEGER NOT NULL,
      deleted_at INTEGER
    );
    CREATE INDEX chat_messages_at ON chat_messages (at);
    CREATE TABLE chat_mutes (registration_id TEXT PRIMARY KEY, name TEXT NOT NULL, at INTEGER NOT NULL)`,
  },
];

type MessageRow = {
  id: string;
  registration_id: string;
  name: string;
  staff: number;
  text: string;
  at: number;
  deleted_at: number | null;
};

const toMessage = (r: MessageRow): ChatMessage => ({
  id: r.id,
  authorId: r.registration_id,
  authorName: r.name,
  text: r.text,
  at: r.at,
  staff: r.staff === 1,
});

export function insertMessage(sql: SqlStorage, m: ChatMessage): void {
  sql.exec(
    "INSERT INTO chat_messages (id, registration_id, name, staff, text, at) VALUES (?, ?, ?, ?, ?, ?)",
    m.id,
    m.authorId,
    m.authorName,
    m.staff ? 1 : 0,
    m.text,
    m.at,
  );
}

/** The newest `limit` messages that were not deleted, oldest first. */
export function recentMessages(sql: SqlStorage, limit: number): ChatMessage[] {
  return sql
    .exec<MessageRow>("SELECT * FROM chat_messages WHERE deleted_at IS NULL ORDER BY at DESC, id DESC LIMIT ?", limit)
    .toArray()
    .reverse()
    .map(toMessage);
}

/** Marks a message deleted (kept for the record); false when there was no such live message. */
export function deleteMessage(sql: SqlStorage, id: string, now: number): boolean {
  return (
    sql
      .exec("UPDATE chat_messages SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL RETURNING id", now, id)
      .toArray().length > 0
  );
}

export function isMuted(sql: SqlStorage, registrationId: string): boolean {
  return sql.exec("SELECT 1 FROM chat_mutes WHERE registration_id = ?", registrationId).toArray().length > 0;
}

/** Returns whether anything changed. */
export function setMuted(sql: SqlStorage, person: PersonRef, muted: boolean, now: number): boolean {
  const cursor = muted
    ? sql.exec(
        "INSERT OR IGNORE INTO chat_mutes (registration_id, name, at) VALUES (?, ?, ?) RETURNING 1",
        person.registrationId,
        person.name,
        now,
      )
    : sql.exec("DELETE FROM chat_mutes WHERE registration_id = ? RETURNING 1", person.registrationId);
  return cursor.toArray().length > 0;
}

export function mutedPeople(sql: SqlStorage): PersonRef[] {
  return sql
    .exec<{ registration_id: string; name: string }>("SELECT registration_id, name FROM chat_mutes ORDER BY at")
    .toArray()
    .map((r) => ({ registrationId: r.registration_id, name: r.name }));
}
