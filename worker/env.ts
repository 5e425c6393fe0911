import type { InvitationScheduler } from "../durable-objects/invitations/InvitationScheduler";
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
  INVITATION_SCHEDULER: DurableObjectNamespace<InvitationScheduler>;
  /** Workers Rate Limiting: public registrations per client IP. */
  REGISTRATION_LIMITER: RateLimit;
  /** Workers Rate Limiting: "send me a fresh link" requests per client IP. */
  LINK_REQUEST_LIMITER: RateLimit;
}
