import { createApp } from "./worker/app";
import type { Env } from "./server/env";
import { wakeScheduler } from "./server/invitations/scheduler";

export { EventHub } from "./durable-objects/hub/EventHub";
export { InvitationScheduler } from "./durable-objects/invitations/InvitationScheduler";
export { SessionRoom } from "./durable-objects/session/SessionRoom";

const app = createApp();

export default {
  fetch: app.fetch,
  // Safety net only: the scheduler's alarm does the sending; this re-arms it should a wake-up
  // after a queue change ever be lost.
  scheduled: async (_controller, env) => wakeScheduler(env),
} satisfies ExportedHandler<Env>;
