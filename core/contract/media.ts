/**
 * HTTP shapes of the media API, shared with the browser client. Types only (the client imports
 * this file), so no runtime imports here.
 */

/** What the stage is showing: "live" when a broadcast is on, "offline" when not, "unknown" when we cannot tell (an external HLS URL). */
export type StageStatus = "live" | "offline" | "unknown";

/** `GET /api/sessions/:sessionId/stage` — everything a viewer needs, and nothing a producer keeps secret. */
export interface StagePlaybackResponse {
  /** ivs: an IVS channel; hls: the bundled sample or the stage's own HLS URL. The player handles both. */
  source: "ivs" | "hls";
  playbackUrl: string;
  status: StageStatus;
}

/** `GET /api/sessions/:sessionId/stage/ingest` — producers only. */
export type StageIngestResponse =
  | {
      provider: "ivs";
      channelArn: string;
      /** RTMPS ingest server for OBS and friends, e.g. rtmps://…global-contribute.live-video.net:443/app/ */
      ingestServer: string;
      streamKey: string;
      playbackUrl: string;
    }
  | { provider: "local"; playbackUrl: string };

/** `POST /api/sessions/:sessionId/call/join` body: which call of the session (a carousel or 1:1 pair has its own). */
export interface CallJoinRequest {
  call?: string;
  /** Staff: join as a producer output page (receives only). */
  output?: boolean;
}

/** `GET /api/sessions/:sessionId/stage-door` — what the portal needs for raise hand and the matrix. */
export interface StageDoorResponse {
  /** The stage's stream room; null when the session is not a stage or has none (no raised hands then). */
  streamRoomId: string | null;
  /** Whether the signed-in person lets the participants matrix show their camera. */
  matrixOptIn: boolean;
  /** Tiles a matrix page can hold with this call provider. */
  matrixMaxTiles: number;
}

/** The default call of a breakout or stream room. */
export const MAIN_CALL = "main";

/**
 * A producer output page's attendee (Chime's ExternalUserId): the registration with a suffix, so
 * the page and the producer's own place in the call are two attendees. Clients strip the suffix.
 */
export const outputAttendee = (registrationId: string): string => `${registrationId}#output`;

export type CallJoinResponse =
  | {
      provider: "mesh";
      call: string;
      /** Most people in this mesh, the caller included. */
      maxPeers: number;
      iceServers: { urls: string | string[] }[];
    }
  | {
      provider: "chime";
      call: string;
      /** CreateMeeting's `Meeting` and CreateAttendee's `Attendee`, as MeetingSessionConfiguration takes them. */
      meeting: Record<string, unknown>;
      attendee: { AttendeeId: string; ExternalUserId: string; JoinToken: string };
    };

/**
 * Where a stage's video comes from: `sample` the bundled local sample (no encoder needed),
 * `stream-url` the stage's own HLS URL, `ivs` its Amazon IVS channel.
 */
export type StageSource = "sample" | "stream-url" | "ivs";

/**
 * `GET /api/admin/media/events/:eventId/stages` — each stage's video as the console lists it.
 * Never the stream key: that is only in the explicit reveal (which is audited).
 */
export interface AdminStageMedia {
  sessionId: string;
  source: StageSource;
  /** What viewers play (absolute); null while an IVS stage has no channel yet. */
  playbackUrl: string | null;
  channel: { channelArn: string; ingestServer: string; owned: boolean } | null;
}

/** `POST /api/admin/media/stages/:sessionId/key/reveal` — the encoder settings; the reveal is audited. */
export interface StageKeyReveal {
  channelArn: string;
  ingestServer: string;
  streamKey: string;
}

/** `POST /api/admin/media/stages/:sessionId/key/rotate` — the old key no longer lets an encoder connect. */
export interface StageKeyRotated {
  channelArn: string;
  rotatedAt: string;
}

export type StageStreamHealth = "HEALTHY" | "STARVING" | "UNKNOWN";

/** `GET /api/admin/media/stages/:sessionId/status` — what the stage is showing right now. */
export type AdminStageStatus =
  | { source: "sample" | "stream-url"; checkedAt: string }
  | { source: "ivs"; state: "no-channel" | "offline"; checkedAt: string }
  | {
      source: "ivs";
      state: "live";
      health: StageStreamHealth;
      /** Concurrent viewers as IVS counts them (up to a minute behind); null when IVS could not count. */
      viewerCount: number | null;
      startedAt: string;
      checkedAt: string;
    };
