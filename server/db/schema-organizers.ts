import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import type { OrganizerRole, TokenScope } from "../../core/contract/organizers";

/**
 * Organizer accounts (issue 13): workspaces own events; people belong to workspaces with a role;
 * they sign in by an e-mailed one-time link and then hold a session; integrations use API tokens.
 * Secrets are never stored: links, sessions and tokens keep the SHA-256 of what was handed out.
 */

const now = () => sql`(CAST(unixepoch('subsec') * 1000 AS INTEGER))`;

export const workspaces = sqliteTable("workspaces", {
  id: text("id").primaryKey(),
  name: text("name").notNull().unique(),
  createdAt: integer("created_at", { mode: "number" }).notNull().default(now()),
});

export const organizers = sqliteTable("organizers", {
  id: text("id").primaryKey(),
  /** Lower-cased and trimmed: one person per address. */
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  createdAt: integer("created_at", { mode: "number" }).notNull().default(now()),
  lastSignInAt: integer("last_sign_in_at", { mode: "number" }),
});

export const memberships = sqliteTable(
  "memberships",
  {
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    personId: text("person_id")
      .notNull()
      .references(() => organizers.id, { onDelete: "cascade" }),
    role: text("role").$type<OrganizerRole>().notNull(),
    /** The events of the workspace this person is limited to; null: all of them. */
    eventIds: text("event_ids", { mode: "json" }).$type<string[] | null>(),
    invitedAt: integer("invited_at", { mode: "number" }).notNull(),
    /** The person who invited them (null: bootstrap, or they created the workspace). */
    invitedBy: text("invited_by"),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.personId] }), index("memberships_person").on(t.personId)],
);

/** One-time sign-in links: consumed by one conditional update (used_at IS NULL AND not expired). */
export const organizerSigninLinks = sqliteTable(
  "organizer_signin_links",
  {
    tokenHash: text("token_hash").primaryKey(),
    personId: text("person_id")
      .notNull()
      .references(() => organizers.id, { onDelete: "cascade" }),
    createdAt: integer("created_at", { mode: "number" }).notNull().default(now()),
    expiresAt: integer("expires_at", { mode: "number" }).notNull(),
    usedAt: integer("used_at", { mode: "number" }),
  },
  (t) => [index("organizer_signin_links_person").on(t.personId)],
);

/** A signed-in browser: the cookie holds a random id, this table its hash. */
export const organizerSessions = sqliteTable(
  "organizer_sessions",
  {
    idHash: text("id_hash").primaryKey(),
    personId: text("person_id")
      .notNull()
      .references(() => organizers.id, { onDelete: "cascade" }),
    createdAt: integer("created_at", { mode: "number" }).notNull(),
    /** Written at most once a minute; the idle limit counts from here. */
    lastSeenAt: integer("last_seen_at", { mode: "number" }).notNull(),
    /** The absolute end, whatever the use. */
    expiresAt: integer("expires_at", { mode: "number" }).notNull(),
    userAgent: text("user_agent"),
    ip: text("ip"),
    revokedAt: integer("revoked_at", { mode: "number" }),
  },
  (t) => [index("organizer_sessions_person").on(t.personId)],
);

/** API tokens for integrations, bound to one workspace. The secret is `fyr_<id>_<random>`. */
export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    scopes: text("scopes", { mode: "json" }).$type<TokenScope[]>().notNull(),
    secretHash: text("secret_hash").notNull(),
    createdAt: integer("created_at", { mode: "number" }).notNull(),
    createdBy: text("created_by").notNull(),
    expiresAt: integer("expires_at", { mode: "number" }),
    /** Written at most once a minute. */
    lastUsedAt: integer("last_used_at", { mode: "number" }),
    revokedAt: integer("revoked_at", { mode: "number" }),
  },
  (t) => [index("api_tokens_workspace").on(t.workspaceId, t.createdAt)],
);

export type WorkspaceRow = typeof workspaces.$inferSelect;
export type OrganizerRow = typeof organizers.$inferSelect;
export type MembershipRow = typeof memberships.$inferSelect;
export type OrganizerSessionRow = typeof organizerSessions.$inferSelect;
export type ApiTokenRow = typeof apiTokens.$inferSelect;

/**
 * Passkeys (WebAuthn credentials): a second way in, next to e-mailed links. Only the public key is
 * kept; the private key never leaves the person's authenticator. `id` is the credential id
 * (base64url) the authenticator names itself by when signing in.
 */
export const passkeys = sqliteTable(
  "passkeys",
  {
    id: text("id").primaryKey(),
    personId: text("person_id")
      .notNull()
      .references(() => organizers.id, { onDelete: "cascade" }),
    /** The COSE public key, base64url. */
    publicKey: text("public_key").notNull(),
    /** The authenticator's signature counter (0 for those that do not count, as most passkeys). */
    counter: integer("counter", { mode: "number" }).notNull().default(0),
    transports: text("transports", { mode: "json" }).$type<string[]>().notNull(),
    name: text("name").notNull(),
    createdAt: integer("created_at", { mode: "number" }).notNull(),
    lastUsedAt: integer("last_used_at", { mode: "number" }),
  },
  (t) => [index("passkeys_person").on(t.personId)],
);

/**
 * WebAuthn challenges: made with the options, used once within 5 minutes by one conditional
 * update (used_at IS NULL AND not expired). A registration challenge names its person; a sign-in
 * challenge names nobody (the passkey says who it is).
 */
export const webauthnChallenges = sqliteTable(
  "webauthn_challenges",
  {
    /** The random challenge itself (base64url): the browser sends it back inside clientDataJSON. */
    challenge: text("challenge").primaryKey(),
    purpose: text("purpose").$type<"register" | "signin">().notNull(),
    personId: text("person_id").references(() => organizers.id, { onDelete: "cascade" }),
    createdAt: integer("created_at", { mode: "number" }).notNull(),
    expiresAt: integer("expires_at", { mode: "number" }).notNull(),
    usedAt: integer("used_at", { mode: "number" }),
  },
  (t) => [index("webauthn_challenges_expires").on(t.expiresAt)],
);

export type PasskeyRow = typeof passkeys.$inferSelect;
