import type { RoomContext } from "./context";

/**
 * For frames that wait for D1 or another object before they apply (the stage door's tech-check
 * read, the stream room's guest list). The object takes the next frame while one awaits, so without
 * a queue a "lower" sent right after a "raise" could overtake it. Tasks of one room run one at a
 * time, in arrival order; a failed task does not stop the ones after it.
 */
const chains = new WeakMap<RoomContext, Promise<void>>();

export function serial(room: RoomContext, task: () => Promise<void>): Promise<void> {
  const run = (chains.get(room) ?? Promise.resolve()).then(task);
  chains.set(
    room,
    run.catch(() => undefined),
  );
  return run;
}

/** Resolves once every mutation queued so far has been applied (and its ack sent). */
export const settled = (room: RoomContext): Promise<void> => new Promise((resolve) => room.enqueue(resolve));
