import type { SessionKind } from "../protocol/identity";
import type { AudienceRule } from "./index";

/**
 * `POST /api/admin/events/:eventId/audience/count`: how many of the event's registrations a rule
 * reaches, for a session of `kind` (stream rooms are in no one's programme) with id `sessionId`
 * (a `selected` rule reaches those who selected that session; a session not saved yet has none).
 */
export interface AudienceCountRequest {
  rule: AudienceRule;
  kind?: SessionKind;
  sessionId?: string;
}

export interface AudienceCount {
  /** Registrations whose programme would hold the session (staff always see every session). */
  reached: number;
  /** All registrations of the event. */
  total: number;
}
