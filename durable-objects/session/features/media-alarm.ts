import type { RoomContext } from "../runtime/context";
import { endIdleCalls } from "./call-lifecycle";
import { pollStageStatus } from "./stage-status";

/**
 * The media feature's timed work, as one step the object's alarm runs: poll the stage's IVS
 * stream state and end Chime meetings of calls that stayed empty. Returns the delay until it
 * wants to run again (undefined: nothing to do until a client asks). When the session object gets
 * a named-alarm multiplexer, register these two steps there instead.
 */
export async function mediaAlarm(room: RoomContext): Promise<number | undefined> {
  const delays = await Promise.all([pollStageStatus(room), endIdleCalls(room)]);
  const wanted = delays.filter((d): d is number => d !== undefined);
  return wanted.length > 0 ? Math.min(...wanted) : undefined;
}

/** Makes the alarm fire within `delayMs` (an earlier alarm already set is kept). */
export async function wakeMediaWithin(room: RoomContext, delayMs: number): Promise<void> {
  const at = room.now() + delayMs;
  const current = await room.storage.getAlarm();
  if (current === null || current > at) await room.storage.setAlarm(at);
}
