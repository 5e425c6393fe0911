import { SessionKinds, type SessionKind } from "../../core/protocol/identity";
import { database } from "../../server/db/client";
import { sessionKindOf } from "../../server/db/sessions";
import type { RoomContext } from "../runtime/context";
import type { Migration } from "../runtime/migrations";

/**
 * What this programme session is (stage, breakout, carousel, stream room), and the session's
 * small key-value table it is kept in with the stage status (`media_meta`: the media feature
 * created it together with the call tables; see features/rtc/store.ts). `IF NOT EXISTS`: objects
 * that ran that first migration already have it.
 */
export const sessionMetaMigrations: readonly Migration[] = [
  { id: "media/0002_meta", sql: "CREATE TABLE IF NOT EXISTS media_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)" },
];

export function sessionMeta(room: RoomContext, key: string): string | undefined {
  return room.storage.sql.exec<{ value: string }>("SELECT value FROM media_meta WHERE key = ?", key).toArray()[0]
    ?.value;
}

export function setSessionMeta(room: RoomContext, key: string, value: string): void {
  room.storage.sql.exec("INSERT OR REPLACE INTO media_meta (key, value) VALUES (?, ?)", key, value);
}

const kinds = new WeakMap<RoomContext, Promise<SessionKind | undefined>>();

/**
 * The session's kind, read from D1 once (it never changes) and kept. The promise itself is
 * cached, so frames waiting for the first read resume in the order they arrived. Undefined: the
 * session is gone (deleted), or D1 could not say.
 */
export function sessionKind(room: RoomContext): Promise<SessionKind | undefined> {
  let kind = kinds.get(room);
  if (!kind) {
    kind = readKind(room);
    kinds.set(room, kind);
    // A failed read (D1 unavailable) is not remembered: the next frame asks again.
    kind.then(
      (k) => (k === undefined ? kinds.delete(room) : undefined),
      () => kinds.delete(room),
    );
  }
  return kind;
}

async function readKind(room: RoomContext): Promise<SessionKind | undefined> {
  const cached = sessionMeta(room, "kind");
  if (cached) return cached as SessionKind;
  const kind = await sessionKindOf(database(room.env.DB), room.sessionId);
  if (kind === undefined || !SessionKinds.includes(kind as SessionKind)) return undefined;
  setSessionMeta(room, "kind", kind);
  return kind as SessionKind;
}
