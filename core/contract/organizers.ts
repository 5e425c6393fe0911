/**
 * Organizer accounts: workspaces, the people in them and their roles, sign-in and API tokens.
 * Types and constant lists only (the admin client imports this file).
 *
 * A workspace (one per client of the event company) owns events. A person belongs to workspaces
 * with one role in each, optionally limited to some of its events. Callers are a signed-in
 * person (the `foyer_admin` cookie) or an API token (`Authorization: Bearer fyr_…`), bound to one
 * workspace with a list of scopes.
 */

export const ORGANIZER_ROLES = ["owner", "organizer", "viewer"] as const;
/** owner: everything, and manages people and tokens; organizer: everything about events; viewer: reads. */
export type OrganizerRole = (typeof ORGANIZER_ROLES)[number];

/**
 * What a route needs. A role grants a set of scopes (`scopesOf`); an API token carries the ones it
 * was given. `workspace:manage` (people, tokens) belongs to owners only and no token can hold it.
 */
export const SCOPES = [
  "events:read",
  "events:write",
  "registrations:read",
  "registrations:write",
  "invitations:write",
  "interactions:read",
  "interactions:write",
  "media:write",
  "reports:read",
  "audit:read",
  "workspace:manage",
] as const;
export type Scope = (typeof SCOPES)[number];

/** The scopes an API token may be given (everything but managing the workspace). */
export const TOKEN_SCOPES = SCOPES.filter((s) => s !== "workspace:manage") as Exclude<Scope, "workspace:manage">[];
export type TokenScope = (typeof TOKEN_SCOPES)[number];

const READ_SCOPES: readonly Scope[] = SCOPES.filter((s) => s.endsWith(":read"));

/** The scopes each role grants. */
export function scopesOf(role: OrganizerRole): readonly Scope[] {
  switch (role) {
    case "owner":
      return SCOPES;
    case "organizer":
      return TOKEN_SCOPES;
    case "viewer":
      return READ_SCOPES;
  }
}

export interface WorkspaceView {
  id: string;
  name: string;
  /** The caller's role here (for a token: null). */
  role: OrganizerRole | null;
  /** Events the caller is limited to in this workspace; null when they see all of them. */
  eventIds: string[] | null;
}

/** `GET /api/admin/auth/me`: who is calling and what they may do where. */
export interface OrganizerMe {
  kind: "person" | "token";
  /** The person's id, or the token's. */
  id: string;
  name: string;
  /** The person's address (tokens: null). */
  email: string | null;
  workspaces: (WorkspaceView & { scopes: Scope[] })[];
}

export interface MemberView {
  personId: string;
  name: string;
  email: string;
  role: OrganizerRole;
  eventIds: string[] | null;
  /** When they last signed in (ISO), or null if they have not accepted the invitation yet. */
  lastSignInAt: string | null;
  invitedAt: string;
}

/** `POST /api/admin/workspaces/:workspaceId/members`: invites by e-mail (a sign-in link goes out). */
export interface InviteMemberRequest {
  email: string;
  name: string;
  role: OrganizerRole;
  /** Limit them to these events of the workspace; omit or null for all. */
  eventIds?: string[] | null;
  language?: "en" | "nl";
}

/** `PATCH /api/admin/workspaces/:workspaceId/members/:personId`. */
export interface UpdateMemberRequest {
  role?: OrganizerRole;
  eventIds?: string[] | null;
}

export interface ApiTokenView {
  id: string;
  name: string;
  scopes: TokenScope[];
  createdAt: string;
  createdBy: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** `POST /api/admin/workspaces/:workspaceId/tokens`. */
export interface CreateApiTokenRequest {
  name: string;
  scopes: TokenScope[];
  /** ISO time; omit or null for a token that does not expire. */
  expiresAt?: string | null;
}

/** The secret is in this answer only; Foyer keeps its hash. */
export interface CreatedApiToken {
  token: ApiTokenView;
  secret: string;
}

/** One signed-in browser of the caller (`GET /api/admin/auth/sessions`). */
export interface OrganizerSessionView {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  /** When it ends without use (idle) and at the latest (absolute). */
  idleExpiresAt: string;
  expiresAt: string;
  userAgent: string | null;
  ip: string | null;
  current: boolean;
}

export interface PasskeyView {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/**
 * Passkeys: `POST /api/admin/auth/passkeys/options` answers WebAuthn creation options (JSON, as
 * `navigator.credentials.create` takes them through @simplewebauthn/browser); the browser's answer
 * comes back here with a name for the passkey.
 */
export interface AddPasskeyRequest {
  name: string;
  /** The RegistrationResponseJSON the browser made. */
  response: unknown;
}

/** `PATCH /api/admin/auth/passkeys/:id`. */
export interface RenamePasskeyRequest {
  name: string;
}

/** `POST /api/admin/auth/passkey`: the AuthenticationResponseJSON answering `…/passkey/options`. */
export interface PasskeySignInRequest {
  response: unknown;
}

/**
 * The error code of a passkey ceremony that did not verify (unknown passkey, a challenge used,
 * expired or not the caller's, a bad signature): one answer for all. Signing in answers it with
 * 401, adding a passkey with 400 (the caller is still signed in).
 */
export const PASSKEY_INVALID = "passkey_invalid";

/** `POST /api/admin/auth/link`: always answered 202 the same way, whether or not the address has an account. */
export interface SignInLinkRequest {
  email: string;
  language?: "en" | "nl";
}

/**
 * The error code of `POST /api/admin/auth/signin` (401) for a link that is unknown, already used,
 * expired or altered: one answer for all four.
 */
export const SIGNIN_LINK_INVALID = "link_invalid";

/** `POST /api/admin/auth/signin`: the token from the e-mailed link's fragment (`/admin/signin#<token>`). */
export interface SignInRequest {
  token: string;
}

/** `POST /api/admin/bootstrap` with `Authorization: Bearer <ADMIN_TOKEN>`: the first owner, or recovered access. */
export interface BootstrapRequest {
  email: string;
  name: string;
  /** The workspace to own; created when no workspace has this name. */
  workspace: string;
}

export interface BootstrapResponse {
  workspaceId: string;
  personId: string;
  /** A one-time sign-in link (also e-mailed). */
  signInLink: string;
}

export interface AuditEntryView {
  id: number;
  at: string;
  /** Who, as people read it: "Ada Lovelace <ada@example.com>" or "token CRM sync". */
  actor: string;
  personId: string | null;
  tokenId: string | null;
  workspaceId: string | null;
  ip: string | null;
  action: string;
  eventId: string | null;
  target: string | null;
  details: Record<string, unknown>;
}
