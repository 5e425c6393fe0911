import type { Settings } from "./config";
import type { ImportRunnerRpc } from "./imports/wake";
import type { EventHubRpc, InvitationSchedulerRpc, SessionRoomRpc } from "./rooms";

/**
 * Bindings and settings as the runtime hands them to us. Every setting is a string (or absent)
 * here; `config.ts` validates and types them once, so handlers never read `env` settings directly.
 */
export interface Env extends Settings {
  DB: D1Database;
  SESSION_ROOM: DurableObjectNamespace<SessionRoomRpc>;
  EVENT_HUB: DurableObjectNamespace<EventHubRpc>;
  ASSETS: Fetcher;
  INVITATION_SCHEDULER: DurableObjectNamespace<InvitationSchedulerRpc>;
  /** Writes large registration imports chunk by chunk (durable-objects/imports). */
  IMPORT_RUNNER: DurableObjectNamespace<ImportRunnerRpc>;
  /** Workers Rate Limiting: public registrations per client IP. */
  REGISTRATION_LIMITER: RateLimit;
  /** Workers Rate Limiting: "send me a fresh link" requests per client IP. */
  LINK_REQUEST_LIMITER: RateLimit;
  /** Workers Rate Limiting: organizer sign-in link requests per client IP. */
  ORGANIZER_LINK_IP_LIMITER: RateLimit;
  /** Workers Rate Limiting: organizer sign-in link requests per e-mail address. */
  ORGANIZER_LINK_ADDRESS_LIMITER: RateLimit;
}
