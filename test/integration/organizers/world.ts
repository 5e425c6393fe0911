import { env } from "cloudflare:workers";
import { TOKEN_SCOPES, type TokenScope } from "../../../core/contract/organizers";
import { randomSecret, sha256Hex } from "../../../server/organizers/secrets";
import { bootstrap, call, ORIGIN, ownerSession, signInWithLink } from "../helpers";

/**
 * One seeded world for the organizer tests: workspace A (the test owner's) with two events, a
 * session and a registration; workspace B with an event of its own; people in every role; API
 * tokens with and without each scope.
 */

/** A one-time link for a person, written straight into D1 (as if taken from their e-mail). */
export async function linkFor(personId: string, expiresInMs = 15 * 60_000): Promise<{ link: string; token: string }> {
  const token = randomSecret();
  await env.DB.prepare(
    "INSERT INTO organizer_signin_links (token_hash, person_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
  )
    .bind(await sha256Hex(token), personId, Date.now(), Date.now() + expiresInMs)
    .run();
  return { link: `${ORIGIN}/admin/signin#${token}`, token };
}

export const sessionOf = async (personId: string) => signInWithLink((await linkFor(personId)).link);

/** A request with a cookie (and our Origin) or a bearer token. */
export type Credential = { cookie: string } | { bearer: string } | null;

export function as(who: Credential, path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
  const { json, ...rest } = init;
  const headers: Record<string, string> = {
    ...(json !== undefined ? { "Content-Type": "application/json" } : {}),
    ...(who && "cookie" in who ? { Cookie: who.cookie, Origin: ORIGIN } : {}),
    ...(who && "bearer" in who ? { Authorization: `Bearer ${who.bearer}` } : {}),
    ...(rest.headers as Record<string, string> | undefined),
  };
  return call(path, { ...rest, headers, ...(json !== undefined ? { body: JSON.stringify(json) } : {}) });
}

export async function ok<T>(res: Response, status = 200): Promise<T> {
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

const HOUR = 3_600_000;
let counter = 0;

export async function newEvent(owner: Credential, workspaceId: string, title: string): Promise<string> {
  const start = Date.now() + 48 * HOUR;
  const body = await ok<{ id: string }>(
    await as(owner, "/api/admin/events", {
      method: "POST",
      json: {
        workspaceId,
        slug: `w-${Date.now().toString(36)}-${++counter}`,
        title,
        startsAt: new Date(start).toISOString(),
        endsAt: new Date(start + 2 * HOUR).toISOString(),
      },
    }),
    201,
  );
  return body.id;
}

export async function invite(
  owner: Credential,
  workspaceId: string,
  who: { email: string; name: string; role: string; eventIds?: string[] | null },
): Promise<string> {
  const body = await ok<{ personId: string }>(
    await as(owner, `/api/admin/workspaces/${workspaceId}/members`, { method: "POST", json: who }),
    201,
  );
  return body.personId;
}

export async function makeToken(owner: Credential, workspaceId: string, name: string, scopes: TokenScope[]) {
  return ok<{ token: { id: string; lastUsedAt: string | null }; secret: string }>(
    await as(owner, `/api/admin/workspaces/${workspaceId}/tokens`, { method: "POST", json: { name, scopes } }),
    201,
  );
}

export type Who = "viewer" | "organizer" | "limited" | "orgB" | "expired";

export interface World {
  A: string;
  B: string;
  e1: string;
  e2: string;
  eB: string;
  s1: string;
  r1: string;
  ownerId: string;
  owner: Credential;
  ownerB: Credential;
  people: Record<Who, { personId: string; cred: Credential }>;
  /** Per token scope: a token with only that scope, and one with every other. */
  tokens: Record<TokenScope, { with: Credential; without: Credential }>;
  dummyMember: string;
  dummyToken: string;
}

export async function seedWorld(): Promise<World> {
  const { cookie, workspaceId: A } = await ownerSession();
  const owner = { cookie };
  const ownerId = (await ok<{ id: string }>(await as(owner, "/api/admin/auth/me"))).id;
  const bootB = await bootstrap({ email: "owner-b@other.test", name: "Bea Other", workspace: "Other" });
  const ownerB = { cookie: await signInWithLink(bootB.signInLink) };
  const B = bootB.workspaceId;
  const e1 = await newEvent(owner, A, "Event one");
  const e2 = await newEvent(owner, A, "Event two");
  const eB = await newEvent(ownerB, B, "B's event");
  const s1 = (
    await ok<{ id: string }>(
      await as(owner, `/api/admin/events/${e1}/sessions`, {
        method: "POST",
        json: {
          kind: "breakout",
          title: "Room",
          startsAt: new Date(Date.now() + 49 * HOUR).toISOString(),
          endsAt: new Date(Date.now() + 50 * HOUR).toISOString(),
        },
      }),
      201,
    )
  ).id;
  const r1 = (
    await ok<{ id: string }>(
      await as(owner, `/api/admin/events/${e1}/registrations`, {
        method: "POST",
        json: { name: "Reg One", email: "reg.one@example.com" },
      }),
      201,
    )
  ).id;
  const person = async (ws: string, inviter: Credential, email: string, role: string, eventIds: string[] | null) => {
    const personId = await invite(inviter, ws, { email, name: email.split("@")[0]!, role, eventIds });
    return { personId, cred: { cookie: await sessionOf(personId) } };
  };
  const people = {
    viewer: await person(A, owner, "viewer@a.test", "viewer", null),
    organizer: await person(A, owner, "organizer@a.test", "organizer", null),
    limited: await person(A, owner, "limited@a.test", "organizer", [e2]),
    orgB: await person(B, ownerB, "organizer@b.test", "organizer", null),
    expired: await person(A, owner, "expired@a.test", "owner", null),
  };
  // Idle for more than 8 hours.
  await env.DB.prepare("UPDATE organizer_sessions SET last_seen_at = ? WHERE person_id = ?")
    .bind(Date.now() - 9 * HOUR, people.expired.personId)
    .run();
  const tokens = {} as World["tokens"];
  for (const scope of TOKEN_SCOPES) {
    const only = await makeToken(owner, A, `only ${scope}`, [scope]);
    const others = await makeToken(
      owner,
      A,
      `all but ${scope}`,
      TOKEN_SCOPES.filter((s) => s !== scope),
    );
    tokens[scope] = { with: { bearer: only.secret }, without: { bearer: others.secret } };
  }
  const dummyMember = await invite(owner, A, { email: "dummy@a.test", name: "Dummy", role: "viewer" });
  const dummyToken = (await makeToken(owner, A, "dummy", ["events:read"])).token.id;
  return { A, B, e1, e2, eB, s1, r1, ownerId, owner, ownerB, people, tokens, dummyMember, dummyToken };
}
