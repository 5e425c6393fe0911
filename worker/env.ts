import type { SessionRoom } from "../durable-objects/session/SessionRoom";

/**
 * Bindings and settings as the runtime hands them to us. Every setting is a string (or absent)
 * here; `config.ts` validates and types them once, so handlers never read `env` settings directly.
 */
export interface Env {
  DB: D1Database;
  SESSION_ROOM: DurableObjectNamespace<SessionRoom>;
  ASSETS: Fetcher;

  PUBLIC_URL?: string;
  ADMIN_TOKEN?: string;
  LINK_SIGNING_KEYS?: string;
  MEDIA_PROVIDER?: string;
  EMAIL_PROVIDER?: string;
  ALLOWED_ORIGINS?: string;
  AWS_REGION?: string;
  AWS_ACCESS_KEY_ID?: string;
  AWS_SECRET_ACCESS_KEY?: string;
  AWS_ENDPOINT_OVERRIDE?: string;
  SES_FROM?: string;
  SES_CONFIGURATION_SET?: string;
  CHIME_MEDIA_REGION?: string;
}
