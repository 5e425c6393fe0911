import type { SessionKind } from "../../../core/protocol/identity";
import { SessionKinds } from "../../../core/protocol/identity";
import { isHubRoom, type RoomKind } from "../../../core/protocol/networking";
import type { StageStatusValue } from "../../../core/protocol/stage";
import { database } from "../../../server/db/client";
import { sessionKindOf } from "../../../server/db/sessions";
import type { RoomContext } from "../runtime/context";
import type { Migration } from "../runtime/migrations";

/**
 * The media feature's own tables in the session object. Only what must outlive a socket lives
 * here: removals (until the call ends), explicit call members (pairs, stream-room invitations),
 * calls waiting to be ended, and the stage status. Signalling is never stored.
 */
export const mediaMigrations: readonly Migration[] = [
  {
    id: "media_0001",
    sql: `CREATE TABLE rtc_removed (call TEXT NOT NULL, registration_id TEXT NOT NULL, removed_at INTEGER NOT NULL, PRIMARY KEY (call, registration_id));
CREATE TABLE rtc_members (call TEXT NOT NULL, registration_id TEXT NOT NULL, PRIMARY KEY (call, registration_id));
CREATE TABLE rtc_idle (call TEXT PRIMARY KEY, empty_since INTEGER NOT NULL);
CREATE TABLE media_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
  },
];

const sql = (room: RoomContext) => room.storage.sql;

export function isRemoved(room: RoomContext, call: string, registrationId: string): boolean {
  return sql(room).exec("SELECT 1 FROM rtc_removed WHERE call = ? AND registration_id = ?", call, registrationId).toArray().length > 0;
}

export function markRemoved(room: RoomContext, call: string, registrationId: string): void {
  sql(room).exec("INSERT OR REPLACE INTO rtc_removed (call, registration_id, removed_at) VALUES (?, ?, ?)", call, registrationId, room.now());
}

export function callMembers(room: RoomContext, call: string): Set<string> | undefined {
  const rows = sql(room).exec<{ registration_id: string }>("SELECT registration_id FROM rtc_members WHERE call = ?", call).toArray();
  return rows.length > 0 ? new Set(rows.map((r) => r.registration_id)) : undefined;
}

/** Replaces a call's member list (a carousel round's pairs, stream-room invitations). */
export function setCallMembers(room: RoomContext, call: string, registrationIds: readonly string[]): void {
  room.storage.transactionSync(() => replaceCallMembers(room, call, registrationIds));
}

/** The same, for callers already inside a transaction (carousel rounds, 1:1s); an empty list closes the call to everyone. */
export function replaceCallMembers(room: RoomContext, call: string, registrationIds: readonly string[]): void {
  sql(room).exec("DELETE FROM rtc_members WHERE call = ?", call);
  for (const id of new Set(registrationIds)) sql(room).exec("INSERT INTO rtc_members (call, registration_id) VALUES (?, ?)", call, id);
}

/** A call that ended forgets its removals: the next call under that id starts fresh. */
export function forgetCall(room: RoomContext, call: string): void {
  sql(room).exec("DELETE FROM rtc_removed WHERE call = ?", call);
  sql(room).exec("DELETE FROM rtc_idle WHERE call = ?", call);
}

export function markIdle(room: RoomContext, call: string): void {
  sql(room).exec("INSERT OR IGNORE INTO rtc_idle (call, empty_since) VALUES (?, ?)", call, room.now());
}

export function clearIdle(room: RoomContext, call: string): void {
  sql(room).exec("DELETE FROM rtc_idle WHERE call = ?", call);
}

export function idleCalls(room: RoomContext): { call: string; emptySince: number }[] {
  return sql(room)
    .exec<{ call: string; empty_since: number }>("SELECT call, empty_since FROM rtc_idle")
    .toArray()
    .map((r) => ({ call: r.call, emptySince: r.empty_since }));
}

function meta(room: RoomContext, key: string): string | undefined {
  return sql(room).exec<{ value: string }>("SELECT value FROM media_meta WHERE key = ?", key).toArray()[0]?.value;
}

function setMeta(room: RoomContext, key: string, value: string): void {
  sql(room).exec("INSERT OR REPLACE INTO media_meta (key, value) VALUES (?, ?)", key, value);
}

const kinds = new WeakMap<RoomContext, Promise<RoomKind | undefined>>();

/**
 * The room's kind: the hub by its name; a programme session's kind read from D1 once (it never
 * changes) and kept here. The promise itself is cached, so frames waiting for the first read
 * resume in the order they arrived.
 */
export function sessionKind(room: RoomContext): Promise<RoomKind | undefined> {
  let kind = kinds.get(room);
  if (!kind) {
    kind = readKind(room);
    kinds.set(room, kind);
    // A failed read (D1 unavailable) is not remembered: the next frame asks again.
    kind.then((k) => (k === undefined ? kinds.delete(room) : undefined), () => kinds.delete(room));
  }
  return kind;
}

async function readKind(room: RoomContext): Promise<RoomKind | undefined> {
  if (isHubRoom(room.sessionId)) return "hub";
  const cached = meta(room, "kind");
  if (cached) return cached as SessionKind;
  const kind = await sessionKindOf(database(room.env.DB), room.sessionId);
  if (kind === undefined || !SessionKinds.includes(kind as SessionKind)) return undefined;
  setMeta(room, "kind", kind);
  return kind as SessionKind;
}

export interface StoredStageStatus {
  status: StageStatusValue;
  since: number | null;
}

export function stageStatus(room: RoomContext): StoredStageStatus | undefined {
  const raw = meta(room, "stage_status");
  return raw ? (JSON.parse(raw) as StoredStageStatus) : undefined;
}

export function setStageStatus(room: RoomContext, status: StoredStageStatus): void {
  setMeta(room, "stage_status", JSON.stringify(status));
}
