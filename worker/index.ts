import { createApp } from "./app";
import type { Env } from "./env";

export { SessionRoom } from "../durable-objects/session/SessionRoom";

const app = createApp();

export default {
  fetch: app.fetch,
} satisfies ExportedHandler<Env>;
