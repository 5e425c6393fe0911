/**
 * Organizer sign-in from Node, for `npm start`, `npm run signin`, the e2e setup and the
 * benchmarks: bootstrap an owner with the ADMIN_TOKEN (its only use), sign in with the link it
 * answers, and make an API token for scripted requests.
 */
import { TOKEN_SCOPES } from "../../core/contract/organizers.ts";
import type { BootstrapRequest, BootstrapResponse, CreatedApiToken } from "../../core/contract/organizers.ts";

export const DEMO_OWNER: BootstrapRequest = { email: "owner@demo.foyer.test", name: "Demo owner", workspace: "Demo" };

async function ok<T>(res: Response, what: string): Promise<T> {
  if (!res.ok) throw new Error(`${what} failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** `POST /api/admin/bootstrap`: makes the owner (and workspace) if new; answers a one-time sign-in link. */
export async function bootstrap(
  origin: string,
  adminToken: string,
  owner: BootstrapRequest = DEMO_OWNER,
): Promise<BootstrapResponse> {
  const res = await fetch(`${origin}/api/admin/bootstrap`, {
    method: "POST",
    headers: { Authorization: `Bearer ${adminToken}`, "Content-Type": "application/json" },
    body: JSON.stringify(owner),
  });
  return ok<BootstrapResponse>(res, "Bootstrap");
}

/** Uses a sign-in link like the admin page does; returns the session cookie (`foyer_admin=…`). */
export async function signInWith(origin: string, link: string): Promise<string> {
  const token = new URL(link).hash.slice(1);
  const res = await fetch(`${origin}/api/admin/auth/signin`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: origin },
    body: JSON.stringify({ token }),
  });
  await ok(res, "Sign-in");
  const cookie = /^(foyer_admin=[^;]+)/.exec(res.headers.get("set-cookie") ?? "")?.[1];
  if (!cookie) throw new Error("Sign-in set no cookie");
  return cookie;
}

/** An API token with every scope a token can hold, in the workspace. */
export async function makeApiToken(origin: string, cookie: string, workspaceId: string, name: string): Promise<string> {
  const res = await fetch(`${origin}/api/admin/workspaces/${workspaceId}/tokens`, {
    method: "POST",
    headers: { Cookie: cookie, Origin: origin, "Content-Type": "application/json" },
    body: JSON.stringify({ name, scopes: TOKEN_SCOPES }),
  });
  return (await ok<CreatedApiToken>(res, "Creating an API token")).secret;
}

/** Bootstrap, sign in, make an all-scopes token: what scripts need to call the organizer API. */
export async function ownerApiToken(origin: string, adminToken: string, name: string): Promise<string> {
  const boot = await bootstrap(origin, adminToken);
  const cookie = await signInWith(origin, boot.signInLink);
  return makeApiToken(origin, cookie, boot.workspaceId, name);
}
