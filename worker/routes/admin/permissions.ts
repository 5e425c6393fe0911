import type { Context } from "hono";
import { matchedRoutes } from "hono/route";
import type { AppEnv } from "../../app-env";
import type { Scope } from "../../../core/contract/organizers";
import { database } from "../../../server/db/client";
import { findEventByIdOrSlug } from "../../../server/db/events";
import { findWorkspace } from "../../../server/db/organizers";
import { findSession } from "../../../server/db/sessions";
import { ApiError, ErrorCode, notFound } from "../../../server/errors";
import { type Access, access, holdsAnywhere, type Principal } from "../../../server/organizers/access";

/**
 * Every organizer route and what it needs, in one table: the gate (worker/middleware/organizer.ts)
 * reads it on each request, and the authorization matrix test is generated from it. A route the
 * app serves under /api/admin without a row here is refused (and a test fails).
 *
 * Targets say where the workspace comes from:
 * - `{ event: "eventId" }`: the path parameter names an event (id or slug) → its workspace;
 * - `{ session: "sessionId" }`: a programme session → its event → its workspace;
 * - `{ workspace: "workspaceId" }`: the workspace itself;
 * - `"list"`: the caller's own view; the route filters to what they may see with the scope (403
 *   only when they hold the scope nowhere);
 * - `"caller"`: about the caller themselves (person or token);
 * - `"person"`: about the signed-in person (tokens are refused: they have no sessions);
 * - `"public"`: no credentials (asking for and using a sign-in link);
 * - `"bootstrap"`: only the ADMIN_TOKEN setting.
 */
export type Target =
  | { event: string }
  | { session: string }
  | { workspace: string }
  | "list"
  | "caller"
  | "person"
  | "public"
  | "bootstrap";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface Permission {
  scope: Scope | null;
  target: Target;
}

export interface RouteRule extends Permission {
  method: Method;
  /** The full path as Hono spells it, e.g. `/api/admin/events/:eventId`. */
  path: string;
}

/** What a route needs: a scope (or none) on a target. */
export const allow = (scope: Scope | null, target: Target): Permission => ({ scope, target });

const E = { event: "eventId" } as const;
const S = { session: "sessionId" } as const;
const W = { workspace: "workspaceId" } as const;

const table: [Method, string, Permission][] = [
  // Accounts, sign-in, workspaces, people and tokens.
  ["POST", "/bootstrap", allow(null, "bootstrap")],
  ["POST", "/auth/link", allow(null, "public")],
  ["POST", "/auth/signin", allow(null, "public")],
  ["GET", "/auth/me", allow(null, "caller")],
  ["POST", "/auth/signout", allow(null, "person")],
  ["POST", "/auth/signout-everywhere", allow(null, "person")],
  ["GET", "/auth/sessions", allow(null, "person")],
  ["DELETE", "/auth/sessions/:id", allow(null, "person")],
  // Passkeys: a person's own (tokens have none); signing in with one needs no credentials.
  ["POST", "/auth/passkeys/options", allow(null, "person")],
  ["POST", "/auth/passkeys", allow(null, "person")],
  ["GET", "/auth/passkeys", allow(null, "person")],
  ["PATCH", "/auth/passkeys/:id", allow(null, "person")],
  ["DELETE", "/auth/passkeys/:id", allow(null, "person")],
  ["POST", "/auth/passkey/options", allow(null, "public")],
  ["POST", "/auth/passkey", allow(null, "public")],
  ["GET", "/workspaces", allow(null, "caller")],
  ["POST", "/workspaces", allow(null, "person")],
  ["GET", "/workspaces/:workspaceId/members", allow("workspace:manage", W)],
  ["POST", "/workspaces/:workspaceId/members", allow("workspace:manage", W)],
  ["PATCH", "/workspaces/:workspaceId/members/:personId", allow("workspace:manage", W)],
  ["DELETE", "/workspaces/:workspaceId/members/:personId", allow("workspace:manage", W)],
  ["GET", "/workspaces/:workspaceId/tokens", allow("workspace:manage", W)],
  ["POST", "/workspaces/:workspaceId/tokens", allow("workspace:manage", W)],
  ["DELETE", "/workspaces/:workspaceId/tokens/:tokenId", allow("workspace:manage", W)],
  ["GET", "/audit", allow("audit:read", "list")],
  ["GET", "/outbox", allow("registrations:read", "list")],
  // Demo seeding (DEMO=true only): the demo event goes into the caller's workspace.
  ["POST", "/demo", allow("events:write", "list")],
  ["POST", "/demo/crowd", allow("registrations:write", "list")],
  // Events and their programme.
  ["GET", "/events", allow("events:read", "list")],
  ["POST", "/events", allow("events:write", "list")],
  ["GET", "/events/:eventId", allow("events:read", E)],
  ["PATCH", "/events/:eventId", allow("events:write", E)],
  // Also needs events:write on the copy's workspace, checked by the route (it names it in the body).
  ["POST", "/events/:eventId/duplicate", allow("events:write", E)],
  ["GET", "/events/:eventId/sessions", allow("events:read", E)],
  ["POST", "/events/:eventId/sessions", allow("events:write", E)],
  ["GET", "/events/:eventId/sessions/:sessionId", allow("events:read", E)],
  ["PATCH", "/events/:eventId/sessions/:sessionId", allow("events:write", E)],
  // A rule's reach is a count of registrations: it reads them.
  ["POST", "/events/:eventId/audience/count", allow("registrations:read", E)],
  // Registrations, links and invitations.
  ["GET", "/events/:eventId/registrations", allow("registrations:read", E)],
  ["POST", "/events/:eventId/registrations", allow("registrations:write", E)],
  ["POST", "/events/:eventId/registrations/batch", allow("registrations:write", E)],
  ["POST", "/events/:eventId/registrations/import", allow("registrations:write", E)],
  ["GET", "/events/:eventId/registrations/export", allow("registrations:read", E)],
  ["GET", "/events/:eventId/registrations/:registrationId", allow("registrations:read", E)],
  ["PATCH", "/events/:eventId/registrations/:registrationId", allow("registrations:write", E)],
  ["POST", "/events/:eventId/registrations/:registrationId/link/rotate", allow("registrations:write", E)],
  ["POST", "/events/:eventId/registrations/:registrationId/link/revoke", allow("registrations:write", E)],
  ["POST", "/events/:eventId/invitations", allow("invitations:write", E)],
  ["GET", "/events/:eventId/invitations", allow("registrations:read", E)],
  // Large imports (a check that writes nothing, then a background job) and invitation batches.
  ["POST", "/events/:eventId/imports/check", allow("registrations:write", E)],
  ["POST", "/events/:eventId/imports", allow("registrations:write", E)],
  ["GET", "/events/:eventId/imports", allow("registrations:read", E)],
  ["GET", "/events/:eventId/imports/:jobId", allow("registrations:read", E)],
  ["POST", "/events/:eventId/invitation-batches", allow("invitations:write", E)],
  ["GET", "/events/:eventId/invitation-batches", allow("registrations:read", E)],
  ["GET", "/events/:eventId/invitation-batches/:batchId", allow("registrations:read", E)],
  ["GET", "/events/:eventId/networking", allow("events:read", E)],
  ["PUT", "/events/:eventId/networking", allow("events:write", E)],
  ["GET", "/events/:eventId/branding", allow("events:read", E)],
  ["PUT", "/events/:eventId/branding", allow("events:write", E)],
  ["PUT", "/events/:eventId/branding/logo", allow("events:write", E)],
  ["DELETE", "/events/:eventId/branding/logo", allow("events:write", E)],
  // The control room: figures only (no personal data), so whoever may read the event may watch
  // it; moving everyone changes how the event runs, like editing it.
  ["GET", "/events/:eventId/live", allow("events:read", E)],
  ["POST", "/events/:eventId/follow", allow("events:write", E)],
  // Live interactions prepared ahead, and what they produced.
  ["GET", "/sessions/:sessionId/prepared", allow("interactions:read", S)],
  ["POST", "/sessions/:sessionId/prepared", allow("interactions:write", S)],
  ["PATCH", "/sessions/:sessionId/prepared/:id", allow("interactions:write", S)],
  ["POST", "/sessions/:sessionId/prepared/reorder", allow("interactions:write", S)],
  ["DELETE", "/sessions/:sessionId/prepared/:id", allow("interactions:write", S)],
  ["GET", "/sessions/:sessionId/results", allow("reports:read", S)],
  ["GET", "/sessions/:sessionId/attendance", allow("reports:read", S)],
  // An event's reports (each also as CSV with ?format=csv).
  ["GET", "/events/:eventId/reports/attendance", allow("reports:read", E)],
  ["GET", "/events/:eventId/reports/stays", allow("reports:read", E)],
  ["GET", "/events/:eventId/reports/people", allow("reports:read", E)],
  ["GET", "/events/:eventId/reports/no-shows", allow("reports:read", E)],
  ["GET", "/events/:eventId/reports/engagement", allow("reports:read", E)],
  // Media.
  ["PUT", "/media/stages/:sessionId/channel", allow("media:write", S)],
  ["DELETE", "/media/stages/:sessionId/channel", allow("media:write", S)],
  ["DELETE", "/media/calls/:sessionId/:call", allow("media:write", S)],
  // Stage video in the console: reading it is reading the event; the key only with media:write.
  ["GET", "/media/events/:eventId/stages", allow("events:read", E)],
  ["GET", "/media/stages/:sessionId/status", allow("events:read", S)],
  ["POST", "/media/stages/:sessionId/key/reveal", allow("media:write", S)],
  ["POST", "/media/stages/:sessionId/key/rotate", allow("media:write", S)],
  // Last: the authorization matrix runs the table in order, and this removes its sample session.
  ["DELETE", "/events/:eventId/sessions/:sessionId", allow("events:write", E)],
];

export const ORGANIZER_ROUTES: readonly RouteRule[] = table.map(([method, path, p]) => ({
  method,
  path: `/api/admin${path}`,
  ...p,
}));

const byKey = new Map(ORGANIZER_ROUTES.map((r) => [`${r.method} ${r.path}`, r]));

/** The table row of the route that will answer this request (found through Hono's own match). */
export function ruleFor(c: Context<AppEnv>): RouteRule | undefined {
  for (const route of matchedRoutes(c)) {
    if (route.method === "ALL") continue;
    const rule = byKey.get(`${route.method} ${route.path}`);
    if (rule) return rule;
  }
  return undefined;
}

/** The path parameters of `pattern` in `pathname`. */
export function paramsOf(pattern: string, pathname: string): Record<string, string> {
  const want = pattern.split("/");
  const got = pathname.split("/");
  const out: Record<string, string> = {};
  want.forEach((seg, i) => {
    if (seg.startsWith(":") && got[i] !== undefined) {
      try {
        out[seg.slice(1)] = decodeURIComponent(got[i]!);
      } catch {
        out[seg.slice(1)] = got[i]!;
      }
    }
  });
  return out;
}

const forbidden = (scope: Scope) =>
  new ApiError(403, ErrorCode.forbidden, `Your role or token does not allow this (it needs ${scope}).`);

function settle(result: Access, scope: Scope, missing: () => ApiError): void {
  if (result === "hidden") throw missing();
  if (result === "forbidden") throw forbidden(scope);
}

/**
 * Checks the rule for a known caller. A thing they cannot see is answered exactly like a
 * missing id; one they can see without the scope is 403.
 */
export async function authorize(c: Context<AppEnv>, rule: RouteRule, p: Principal): Promise<void> {
  const { target, scope } = rule;
  if (target === "public" || target === "bootstrap" || target === "caller") return;
  if (target === "person") {
    if (p.kind !== "person") throw new ApiError(403, ErrorCode.forbidden, "API tokens cannot use this route.");
    return;
  }
  if (target === "list") {
    if (scope && !holdsAnywhere(p, scope)) throw forbidden(scope);
    return;
  }
  if (!scope) return;
  const params = paramsOf(rule.path, new URL(c.req.url).pathname);
  const db = database(c.env.DB);
  if ("workspace" in target) {
    const id = params[target.workspace] ?? "";
    const missing = () => notFound("This workspace");
    const ws = await findWorkspace(db, id);
    if (!ws) throw missing();
    settle(access(p, scope, { workspaceId: ws.id }), scope, missing);
    return;
  }
  if ("event" in target) {
    const idOrSlug = params[target.event] ?? "";
    // The very answer `requireEvent` gives for an unknown id or slug.
    const missing = () => notFound(`Event ${JSON.stringify(idOrSlug.slice(0, 80))}`);
    const event = await findEventByIdOrSlug(db, idOrSlug);
    if (!event) throw missing();
    settle(access(p, scope, { workspaceId: event.workspaceId, eventId: event.id }), scope, missing);
    return;
  }
  const sessionId = params[target.session] ?? "";
  const missing = () => notFound("This session");
  const session = await findSession(db, sessionId);
  const event = session ? await findEventByIdOrSlug(db, session.eventId) : undefined;
  if (!session || !event) throw missing();
  settle(access(p, scope, { workspaceId: event.workspaceId, eventId: event.id }), scope, missing);
}
