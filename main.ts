import { createApp } from "./worker/app";
import type { Env } from "./server/env";
import { wakeImports } from "./server/imports/wake";
import { wakeScheduler } from "./server/invitations/scheduler";

export { EventHub } from "./durable-objects/hub/EventHub";
export { ImportRunner } from "./durable-objects/imports/ImportRunner";
export { InvitationScheduler } from "./durable-objects/invitations/InvitationScheduler";
export { SessionRoom } from "./durable-objects/session/SessionRoom";

const app = createApp();

export default {
  fetch: app.fetch,
  // Safety net only: the scheduler's and the import runner's alarms do the work; this re-arms
  // them should a wake-up after a change ever be lost.
  scheduled: async (_controller, env) => {
    await Promise.all([wakeScheduler(env), wakeImports(env)]);
  },
} satisfies ExportedHandler<Env>;
