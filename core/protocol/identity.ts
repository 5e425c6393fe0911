/** Who is on the other end of a socket. Shared by the worker, the Durable Object and the client. */
export const Roles = ["participant", "moderator", "producer"] as const;
export type Role = (typeof Roles)[number];

/** Roles that run a session (moderate, produce) rather than attend it. */
export const isStaff = (role: Role): boolean => role === "moderator" || role === "producer";

export const SessionKinds = ["stage", "breakout", "carousel", "stream-room"] as const;
export type SessionKind = (typeof SessionKinds)[number];

export const Languages = ["en", "nl"] as const;
export type Language = (typeof Languages)[number];
