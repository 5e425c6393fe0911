import { AlarmName } from "../../runtime/alarms";
import type { RoomContext } from "../../runtime/context";
import { endIdleCalls } from "./call-lifecycle";
import { pollStageStatus } from "./stage-status";

/**
 * The media feature's timed work, as one step the object's alarm runs: poll the stage's IVS
 * stream state and end Chime meetings of calls that stayed empty. Returns the delay until it
 * wants to run again (undefined: nothing to do until a client asks). It runs on the object's
 * named alarm `media`.
 */
export async function mediaAlarm(room: RoomContext): Promise<number | undefined> {
  const delays = await Promise.all([pollStageStatus(room), endIdleCalls(room)]);
  const wanted = delays.filter((d): d is number => d !== undefined);
  return wanted.length > 0 ? Math.min(...wanted) : undefined;
}

/** Makes the media step run within `delayMs` (an earlier schedule already set is kept). */
export async function wakeMediaWithin(room: RoomContext, delayMs: number): Promise<void> {
  room.alarms.schedule(AlarmName.media, room.now() + delayMs, { keepEarlier: true });
}

/** Runs the media step now and schedules the next one it asks for. */
export async function runMediaAlarm(room: RoomContext): Promise<void> {
  const next = await mediaAlarm(room);
  if (next !== undefined) room.alarms.schedule(AlarmName.media, room.now() + next, { keepEarlier: true });
}
