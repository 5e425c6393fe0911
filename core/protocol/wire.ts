/** A frame on the wire: a `type` naming feature and action (`poll/vote`), plus its fields. */
export type WireFrame<T extends string, Fields extends object = Record<never, never>> = { type: T } & Fields;

/** Largest client frame the session object reads; bigger frames are refused unread. */
export const MAX_CLIENT_FRAME_BYTES = 8 * 1024;
/** Moderators send whole quizzes (up to 50 questions) in one frame. */
export const MAX_MODERATOR_FRAME_BYTES = 64 * 1024;

/** Mutation ids are chosen by the client so a resend after a reconnect is applied once. */
export const MUTATION_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
