import type { ErrorFrameCode } from "./errors";
import * as v from "valibot";
import type { Role } from "./identity";
import type { WireFrame } from "./wire";

/**
 * Calls inside a session. The object keeps the roster (who is in which call) and, for the local
 * mesh, relays WebRTC signalling: offers, answers and ICE candidates go only to their target
 * peer, only between people in the same call, and are never stored. With Chime the media and
 * its signalling go to AWS; the roster still runs here so moderators can remove people and the
 * object knows when a call is over.
 */
export const CallId = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,32}$/, "must be 1–32 of A-Z a-z 0-9 _ -"));
export const PeerId = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{8,32}$/, "must be a peer id"));

export const RtcMediaState = v.strictObject({
  audio: v.boolean(),
  video: v.boolean(),
  screen: v.boolean(),
  /** Mesh: the id of the MediaStream carrying the screen share, so peers can tell it from the camera. */
  screenStream: v.optional(v.pipe(v.string(), v.maxLength(64))),
});
export type RtcMediaState = v.InferOutput<typeof RtcMediaState>;

/** SDP larger than one frame (Chromium's offers with a screen share run past 8 KiB) travels in parts. */
export const SDP_PART_CHARS = 6000;
export const SDP_MAX_PARTS = 8;

export const RtcSignal = v.variant("kind", [
  v.strictObject({
    kind: v.literal("description"),
    /** Groups the parts of one description. */
    nonce: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,16}$/)),
    type: v.picklist(["offer", "answer"]),
    part: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(SDP_MAX_PARTS - 1)),
    parts: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(SDP_MAX_PARTS)),
    sdp: v.pipe(v.string(), v.maxLength(SDP_PART_CHARS)),
  }),
  v.strictObject({
    kind: v.literal("candidate"),
    candidate: v.pipe(v.string(), v.maxLength(1024)),
    sdpMid: v.nullable(v.pipe(v.string(), v.maxLength(64))),
    sdpMLineIndex: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(64))),
    usernameFragment: v.nullable(v.pipe(v.string(), v.maxLength(256))),
  }),
]);
export type RtcSignal = v.InferOutput<typeof RtcSignal>;

export const RtcJoinFrame = v.strictObject({
  type: v.literal("rtc/join"),
  call: CallId,
  media: v.optional(RtcMediaState),
  /**
   * Staff only: join as a producer output page (clean feed, matrix). An output receives and
   * sends nothing, takes no one's place (the producer can be in the call and capture it), and in
   * a star call (the matrix) it is the hub: the others connect to outputs only.
   */
  output: v.optional(v.boolean()),
});
export type RtcJoinFrame = v.InferOutput<typeof RtcJoinFrame>;

export const RtcLeaveFrame = v.strictObject({ type: v.literal("rtc/leave"), call: CallId });
export type RtcLeaveFrame = v.InferOutput<typeof RtcLeaveFrame>;

export const RtcSignalFrame = v.strictObject({
  type: v.literal("rtc/signal"),
  call: CallId,
  to: PeerId,
  signal: RtcSignal,
});
export type RtcSignalFrame = v.InferOutput<typeof RtcSignalFrame>;

export const RtcMediaFrame = v.strictObject({ type: v.literal("rtc/media"), call: CallId, media: RtcMediaState });
export type RtcMediaFrame = v.InferOutput<typeof RtcMediaFrame>;

/** Moderators only: take a person out of a call (they cannot come back until the call ends). */
export const RtcRemoveFrame = v.strictObject({
  type: v.literal("rtc/remove"),
  call: CallId,
  registrationId: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
});
export type RtcRemoveFrame = v.InferOutput<typeof RtcRemoveFrame>;

/** Moderators only: end the call for everyone. */
export const RtcEndFrame = v.strictObject({ type: v.literal("rtc/end"), call: CallId });
export type RtcEndFrame = v.InferOutput<typeof RtcEndFrame>;

export interface RtcPeer {
  peer: string;
  registrationId: string;
  name: string;
  role: Role;
  media: RtcMediaState;
  /** A producer output page: receives only, shows no tile. */
  output?: boolean;
}

export const RtcLeftReasons = ["left", "removed", "disconnected", "replaced"] as const;
export type RtcLeftReason = (typeof RtcLeftReasons)[number];

export type RtcJoinedFrame = WireFrame<
  "rtc/joined",
  { call: string; you: string; peers: RtcPeer[]; provider: "mesh" | "chime"; maxPeers: number | null }
>;
export type RtcPeerJoinedFrame = WireFrame<"rtc/peer-joined", { call: string; peer: RtcPeer }>;
export type RtcPeerLeftFrame = WireFrame<"rtc/peer-left", { call: string; peer: string; reason: RtcLeftReason }>;
export type RtcSignalRelayFrame = WireFrame<"rtc/signal", { call: string; from: string; signal: RtcSignal }>;
export type RtcMediaRelayFrame = WireFrame<"rtc/media", { call: string; peer: string; media: RtcMediaState }>;
/** Sent to the person a moderator removed, and to a tab replaced by the same person's newer one. */
export type RtcRemovedFrame = WireFrame<"rtc/removed", { call: string; reason: "removed" | "replaced" }>;
export type RtcEndedFrame = WireFrame<"rtc/ended", { call: string }>;

export type RtcServerFrame =
  | RtcJoinedFrame
  | RtcPeerJoinedFrame
  | RtcPeerLeftFrame
  | RtcSignalRelayFrame
  | RtcMediaRelayFrame
  | RtcRemovedFrame
  | RtcEndedFrame;

/** Why a call refused someone: the join endpoint answers each with its own status. */
export const RefusalReasons = ["no_call", "removed", "not_invited", "not_paired", "full"] as const;
export type RefusalReason = (typeof RefusalReasons)[number];

/** A session object's answer to "may this person join this call now?". */
export type Admission =
  | { ok: true }
  | {
      ok: false;
      code: typeof ErrorFrameCode.notAllowed | typeof ErrorFrameCode.limitReached;
      reason: RefusalReason;
      message: string;
    };
