import type { WireFrame } from "./wire";

/** Why a client frame was refused. The socket stays open for every one of these. */
export const ErrorFrameCode = {
  badJson: "bad_json",
  badFrame: "bad_frame",
  unknownType: "unknown_type",
  tooLarge: "too_large",
  helloRequired: "hello_required",
  notAllowed: "not_allowed",
  rateLimited: "rate_limited",
  /** A moderator muted this person in the chat. */
  muted: "muted",
  /** The word filter refused the entry. */
  filtered: "filtered",
  limitReached: "limit_reached",
  notFound: "not_found",
  conflict: "conflict",
  /** The poll, quiz or word cloud is not open, or the feature is switched off. */
  closed: "closed",
  /** Askers cannot upvote their own question. */
  ownQuestion: "own_question",
  internal: "internal",
} as const;
export type ErrorFrameCode = (typeof ErrorFrameCode)[keyof typeof ErrorFrameCode];

export type ErrorFrame = WireFrame<
  "error",
  {
    code: ErrorFrameCode;
    /** A sentence a person can read. */
    message: string;
    /** The client mutation id the error answers, when the frame had one. */
    ref?: string;
    /** The offending field of the client frame, as a dot path. */
    field?: string;
    /** For rate limits: when to try again. */
    retryAfterMs?: number;
  }
>;
