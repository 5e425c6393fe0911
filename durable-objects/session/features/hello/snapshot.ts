import type { SessionSnapshot, SnapshotFrame } from "../../../../core/protocol";
import type { RoomContext } from "../../../runtime/context";
import { getOrAdd } from "../../../../core/collections";

/**
 * The snapshot for staff or for participants at the current event number, serialised once:
 * when a crowd reconnects at the same moment, thousands of sockets get the same string. Between
 * two events only counts can move (tallies, presence), and those follow as their own updates.
 */
const cache = new WeakMap<RoomContext, Map<string, string>>();

export function snapshotJson(
  room: RoomContext,
  staff: boolean,
  build: (room: RoomContext, staff: boolean) => SessionSnapshot,
): string {
  const byKey = getOrAdd(cache, room, () => new Map<string, string>());
  const seq = room.seq();
  const key = `${staff ? "staff" : "participants"}:${seq}`;
  let json = byKey.get(key);
  if (json === undefined) {
    json = JSON.stringify({ type: "snapshot", seq, state: build(room, staff) } satisfies SnapshotFrame);
    // Keep only the current event number's snapshots.
    for (const k of byKey.keys()) if (!k.endsWith(`:${seq}`)) byKey.delete(k);
    byKey.set(key, json);
  }
  return json;
}
