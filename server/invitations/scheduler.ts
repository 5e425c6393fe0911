import type { Env } from "../env";

/** The single scheduler object's name: one sender for every event keeps the provider's rate. */
export const SCHEDULER_NAME = "invitations";

/**
 * There is one scheduler and it never needs its own name, so it is reached directly rather than
 * through the naming helpers of server/rooms.ts (which exist for objects that must know theirs).
 */
export const schedulerStub = (env: Env) =>
  env.INVITATION_SCHEDULER.get(env.INVITATION_SCHEDULER.idFromName(SCHEDULER_NAME));

/**
 * Tells the scheduler the queue changed. The change is already committed in D1, so a failed wake
 * is logged rather than failing the request: the cron safety net (wrangler.toml) wakes the
 * scheduler again within minutes.
 */
export async function wakeScheduler(env: Env): Promise<void> {
  try {
    await schedulerStub(env).poke();
  } catch (err) {
    console.error("could not wake the invitation scheduler:", err);
  }
}
