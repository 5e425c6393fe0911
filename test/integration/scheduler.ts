import { runDurableObjectAlarm } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { SCHEDULER_NAME } from "../../server/invitations/scheduler";

/** The invitation scheduler's object, to run its alarm now instead of waiting for it. */
export const scheduler = () => env.INVITATION_SCHEDULER.get(env.INVITATION_SCHEDULER.idFromName(SCHEDULER_NAME));

/**
 * Sends whatever is due now, the way the scheduler's alarm does. If the alarm already fired on
 * its own, this finds nothing to run; callers poll the outcome either way.
 */
export async function runScheduler(): Promise<void> {
  await runDurableObjectAlarm(scheduler());
}
