import type { SessionRoom } from "../durable-objects/session/SessionRoom";
import type { Settings } from "./config";

/**
 * Bindings and settings as the runtime hands them to us. Every setting is a string (or absent)
 * here; `config.ts` validates and types them once, so handlers never read `env` settings directly.
 */
export interface Env extends Settings {
  DB: D1Database;
  SESSION_ROOM: DurableObjectNamespace<SessionRoom>;
  ASSETS: Fetcher;
}
