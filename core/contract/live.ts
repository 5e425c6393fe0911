import type { SessionKind } from "../protocol/identity";

/**
 * `GET /api/admin/events/:eventId/live` — the control room. Figures a live object could not give
 * in time are `null` (shown as unknown), so one slow or absent object never hides the rest.
 */
export interface LiveResponse {
  /** Server time of the figures (ISO). */
  at: string;
  /** People with a portal page open now (the event hub's connections), or null when the hub did not answer. */
  online: number | null;
  /** Raised hands waiting, over every session that answered. */
  handsWaiting: number;
  sessions: LiveSession[];
  invitations: LiveInvitations;
  techChecks: LiveTechChecks;
}

export interface LiveSession {
  id: string;
  title: string;
  kind: SessionKind;
  startsAt: string;
  endsAt: string;
  /** now: on the programme now; soon: starts within the doors-open window; later/ended: not probed. */
  when: LiveWhen;
  /** People in the session now (not output pages); null: not asked (not open) or no answer in time. */
  online: number | null;
  handsWaiting: number | null;
  /** Stages only. */
  stage: StageLive | null;
}

export type LiveWhen = "now" | "soon" | "later" | "ended";

/**
 * A stage's video. local: the bundled sample (always playing); url: the stage's own HLS address
 * (Foyer cannot see it); ivs: the IVS channel's stream as GetStream reports it.
 */
export type StageLive =
  | { source: "local" }
  | { source: "url" }
  | {
      source: "ivs";
      state: "live" | "offline" | "no-channel" | "unknown";
      health: StreamHealth;
      viewers: number | null;
    };

export type StreamHealth = "healthy" | "starving" | "unknown";

/** Counted per person. */
export interface LiveInvitations {
  /** An e-mail with a personal link was sent to them. */
  sent: number;
  /** …and one of their links has been opened since. */
  opened: number;
  notOpened: number;
  /** No e-mail sent yet, one waiting to go. */
  waiting: number;
  /** No e-mail sent, the last attempt failed. */
  failed: number;
}

export interface LiveTechChecks {
  pass: number;
  warn: number;
  fail: number;
  skipped: number;
  /** Never ran one. */
  none: number;
}

/** `POST /api/admin/events/:eventId/follow` — send everyone in the event's open sessions to this one. */
export interface FollowRequest {
  sessionId: string;
}

export interface FollowResponse {
  sessionId: string;
  /** The sessions whose people were told to go; a session whose object did not answer is in `unreached`. */
  sentFrom: string[];
  unreached: string[];
}
