import type { Language } from "../../core/protocol/identity";
import type { Config } from "../config";
import type { Db } from "../db/client";
import {
  findApiToken,
  findOrganizerSession,
  insertOrganizerSession,
  insertSigninLink,
  touchApiToken,
  touchOrganizerSession,
} from "../db/organizer-auth";
import { findOrganizer, membershipsOf } from "../db/organizers";
import type { OrganizerRow } from "../db/schema";
import { type OrganizerEmailKind, renderOrganizerEmail } from "../email/organizer";
import { emailProvider } from "../providers/email";
import type { Principal } from "./access";
import { parseApiToken, randomSecret, sameSecret, sha256Hex } from "./secrets";
import { SESSION_ABSOLUTE_MS, SIGNIN_LINK_MS, sessionAlive, shouldTouch, tokenAlive } from "./sessions";

/** The cookie of a signed-in organizer's browser (a random id; D1 keeps its hash). */
export const ORGANIZER_COOKIE = "foyer_admin";

/** Where an e-mailed link points: the token rides in the fragment, never sent to a server by a browser. */
export const signinLinkFor = (config: Config, token: string) => `${config.publicUrl}/admin/signin#${token}`;

export interface SigninEmail {
  kind: OrganizerEmailKind;
  language: Language;
  inviter?: string;
  workspace?: string;
  role?: string;
  /** Member invitations are shown in this workspace's outbox. */
  workspaceId?: string | null;
}

/**
 * Makes a one-time sign-in link for the person and e-mails it (through the configured provider,
 * like invitations). Returns the link; `sent` is false when the provider refused (the link still
 * works: bootstrap prints it).
 */
export async function issueSigninLink(
  db: Db,
  config: Config,
  person: OrganizerRow,
  email: SigninEmail,
  now = Date.now(),
): Promise<{ link: string; sent: boolean }> {
  const token = randomSecret();
  const tokenHash = await sha256Hex(token);
  await insertSigninLink(db, { tokenHash, personId: person.id, createdAt: now, expiresAt: now + SIGNIN_LINK_MS });
  const link = signinLinkFor(config, token);
  const rendered = renderOrganizerEmail({ ...email, name: person.name, link });
  try {
    await emailProvider(config, db).send({
      key: `signin:${tokenHash.slice(0, 32)}`,
      to: person.email,
      ...rendered,
      eventId: null,
      workspaceId: email.workspaceId ?? null,
    });
    return { link, sent: true };
  } catch (err) {
    console.error("organizer e-mail not sent", err instanceof Error ? err.message : err);
    return { link, sent: false };
  }
}

/** Starts a session for the person; returns the cookie value (only the hash is stored). */
export async function startSession(
  db: Db,
  personId: string,
  client: { userAgent: string | null; ip: string | null },
  now = Date.now(),
): Promise<{ cookie: string; idHash: string; expiresAt: number }> {
  const cookie = randomSecret();
  const idHash = await sha256Hex(cookie);
  const expiresAt = now + SESSION_ABSOLUTE_MS;
  await insertOrganizerSession(db, {
    idHash,
    personId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
    userAgent: client.userAgent?.slice(0, 300) ?? null,
    ip: client.ip,
  });
  return { cookie, idHash, expiresAt };
}

async function personPrincipal(db: Db, person: OrganizerRow, sessionIdHash: string): Promise<Principal> {
  const memberships = await membershipsOf(db, person.id);
  return {
    kind: "person",
    personId: person.id,
    name: person.name,
    email: person.email,
    sessionIdHash,
    memberships: memberships.map((m) => ({ workspaceId: m.workspaceId, role: m.role, eventIds: m.eventIds })),
  };
}

/** The person behind a session cookie, or undefined when it is unknown, revoked or expired. */
export async function principalFromCookie(db: Db, cookie: string, now = Date.now()): Promise<Principal | undefined> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(cookie)) return undefined;
  const idHash = await sha256Hex(cookie);
  const session = await findOrganizerSession(db, idHash);
  if (!session || !sessionAlive(session, now)) return undefined;
  const person = await findOrganizer(db, session.personId);
  if (!person) return undefined;
  if (shouldTouch(session.lastSeenAt, now)) await touchOrganizerSession(db, idHash, now);
  return personPrincipal(db, person, idHash);
}

/** The token behind `fyr_…`, or undefined when it is unknown, tampered with, revoked or expired. */
export async function principalFromApiToken(db: Db, secret: string, now = Date.now()): Promise<Principal | undefined> {
  const parsed = parseApiToken(secret);
  if (!parsed) return undefined;
  const row = await findApiToken(db, parsed.tokenId);
  if (!row || !(await sameSecret(await sha256Hex(secret), row.secretHash)) || !tokenAlive(row, now)) return undefined;
  if (shouldTouch(row.lastUsedAt, now)) await touchApiToken(db, row.id, now);
  return { kind: "token", tokenId: row.id, name: row.name, workspaceId: row.workspaceId, scopes: row.scopes };
}

/** For a freshly signed-in person (the session just made). */
export async function principalForPerson(
  db: Db,
  personId: string,
  sessionIdHash: string,
): Promise<Principal | undefined> {
  const person = await findOrganizer(db, personId);
  return person ? personPrincipal(db, person, sessionIdHash) : undefined;
}
