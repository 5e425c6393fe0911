import type { RoomContext } from "../../runtime/context";
import type { Migration } from "../../runtime/migrations";

/**
 * The call feature's tables. Only what must outlive a socket lives here: removals (until the call
 * ends), explicit call members (pairs, stream-room guests, 1:1s), and calls waiting to be ended.
 * Who is in a call now is in the sockets' attachments; signalling is never stored.
 *
 * The id is the media feature's first migration, which created these tables together with
 * `media_meta` (now the session's own, see session/kind.ts): objects that ran it keep all four.
 */
export const rtcMigrations: readonly Migration[] = [
  {
    id: "media_0001",
    sql: `CREATE TABLE rtc_removed (call TEXT NOT NULL, registration_id TEXT NOT NULL, removed_at INTEGER NOT NULL, PRIMARY KEY (call, registration_id));
CREATE TABLE rtc_members (call TEXT NOT NULL, registration_id TEXT NOT NULL, PRIMARY KEY (call, registration_id));
CREATE TABLE rtc_idle (call TEXT PRIMARY KEY, empty_since INTEGER NOT NULL)`,
  },
];

const sql = (room: RoomContext) => room.storage.sql;

export function isRemoved(room: RoomContext, call: string, registrationId: string): boolean {
  return (
    sql(room).exec("SELECT 1 FROM rtc_removed WHERE call = ? AND registration_id = ?", call, registrationId).toArray()
      .length > 0
  );
}

export function markRemoved(room: RoomContext, call: string, registrationId: string): void {
  sql(room).exec(
    "INSERT OR REPLACE INTO rtc_removed (call, registration_id, removed_at) VALUES (?, ?, ?)",
    call,
    registrationId,
    room.now(),
  );
}

export function callMembers(room: RoomContext, call: string): Set<string> | undefined {
  const rows = sql(room)
    .exec<{ registration_id: string }>("SELECT registration_id FROM rtc_members WHERE call = ?", call)
    .toArray();
  return rows.length > 0 ? new Set(rows.map((r) => r.registration_id)) : undefined;
}

/** Replaces a call's member list (the stream room's guests, the matrix's people on screen). */
export function setCallMembers(room: RoomContext, call: string, registrationIds: readonly string[]): void {
  room.storage.transactionSync(() => replaceCallMembers(room, call, registrationIds));
}

/** The same, for callers already inside a transaction (carousel rounds, 1:1s); an empty list closes the call to everyone. */
export function replaceCallMembers(room: RoomContext, call: string, registrationIds: readonly string[]): void {
  sql(room).exec("DELETE FROM rtc_members WHERE call = ?", call);
  for (const id of new Set(registrationIds))
    sql(room).exec("INSERT INTO rtc_members (call, registration_id) VALUES (?, ?)", call, id);
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
