import {
  type OrganizerRole,
  type Scope,
  scopesOf,
  TOKEN_SCOPES,
  type TokenScope,
} from "../../core/contract/organizers";

/**
 * Who may do what where: pure decisions over a caller (a signed-in person or an API token) and a
 * thing (a workspace, or one of its events). The routes declare what they need
 * (worker/routes/admin/permissions.ts); this answers. No I/O here.
 */

export interface Grant {
  workspaceId: string;
  role: OrganizerRole;
  /** Limited to these events of the workspace; null: all of them. */
  eventIds: readonly string[] | null;
}

export type Principal =
  | {
      kind: "person";
      personId: string;
      name: string;
      email: string;
      /** The session the request came with (its hash), so "this browser" can be told apart. */
      sessionIdHash: string;
      memberships: readonly Grant[];
    }
  | {
      kind: "token";
      tokenId: string;
      name: string;
      workspaceId: string;
      scopes: readonly TokenScope[];
    };

/**
 * - `ok`: allowed.
 * - `hidden`: the caller cannot see the thing at all; answered like a missing id (404).
 * - `forbidden`: they can see it but lack the scope (403).
 */
export type Access = "ok" | "hidden" | "forbidden";

/** Scopes a membership limited to some events loses on the workspace itself (not on its events). */
const WORKSPACE_LEVEL: readonly Scope[] = ["workspace:manage", "events:write"];

interface Reach {
  scopes: readonly Scope[];
  eventIds: readonly string[] | null;
}

function reachIn(p: Principal, workspaceId: string): Reach | undefined {
  if (p.kind === "token") return p.workspaceId === workspaceId ? { scopes: p.scopes, eventIds: null } : undefined;
  const m = p.memberships.find((g) => g.workspaceId === workspaceId);
  return m ? { scopes: scopesOf(m.role), eventIds: m.eventIds } : undefined;
}

/** The scopes the caller holds on a workspace (`eventId` null) or on one of its events. */
export function scopesAt(p: Principal, workspaceId: string, eventId: string | null): readonly Scope[] | undefined {
  const reach = reachIn(p, workspaceId);
  if (!reach) return undefined;
  if (reach.eventIds === null) return reach.scopes;
  if (eventId === null) return reach.scopes.filter((s) => !WORKSPACE_LEVEL.includes(s));
  return reach.eventIds.includes(eventId) ? reach.scopes : undefined;
}

/** May the caller use `scope` on this workspace, or on this event of it? */
export function access(
  p: Principal,
  scope: Scope,
  where: { workspaceId: string | null; eventId?: string | null },
): Access {
  // An event without a workspace belongs to nobody an organizer can be.
  if (where.workspaceId === null) return "hidden";
  const scopes = scopesAt(p, where.workspaceId, where.eventId ?? null);
  if (!scopes) return "hidden";
  return scopes.includes(scope) ? "ok" : "forbidden";
}

/** Where a list may look: per workspace, all its events (null) or some. */
export interface Visible {
  workspaceId: string;
  eventIds: readonly string[] | null;
}

/** The workspaces (and events) where the caller holds `scope`, for filtering lists. */
export function visibleWith(p: Principal, scope: Scope): Visible[] {
  const grants: { workspaceId: string; eventIds: readonly string[] | null; scopes: readonly Scope[] }[] =
    p.kind === "token"
      ? [{ workspaceId: p.workspaceId, eventIds: null, scopes: p.scopes }]
      : p.memberships.map((m) => ({ workspaceId: m.workspaceId, eventIds: m.eventIds, scopes: scopesOf(m.role) }));
  return grants
    .filter((g) => g.scopes.includes(scope))
    .map((g) => ({ workspaceId: g.workspaceId, eventIds: g.eventIds }));
}

/**
 * Whether the caller holds `scope` anywhere (for routes over their own view, such as lists and
 * creating an event): a membership limited to events holds workspace-level scopes nowhere.
 */
export function holdsAnywhere(p: Principal, scope: Scope): boolean {
  return visibleWith(p, scope).some((v) => v.eventIds === null || !WORKSPACE_LEVEL.includes(scope));
}

/** Workspaces where the caller may act on the workspace itself with `scope` (e.g. create events). */
export function workspacesWith(p: Principal, scope: Scope): string[] {
  const ids = p.kind === "token" ? [p.workspaceId] : p.memberships.map((m) => m.workspaceId);
  return ids.filter((id) => scopesAt(p, id, null)?.includes(scope));
}

/**
 * The workspace a new event (or the demo) goes into: the one named, or the only one where the
 * caller may create events.
 */
export function workspaceForCreate(
  p: Principal,
  requested: string | undefined,
): { ok: true; workspaceId: string } | { ok: false; problem: Access | "ambiguous" } {
  if (requested !== undefined) {
    const a = access(p, "events:write", { workspaceId: requested });
    return a === "ok" ? { ok: true, workspaceId: requested } : { ok: false, problem: a };
  }
  const candidates = workspacesWith(p, "events:write");
  if (candidates.length === 1) return { ok: true, workspaceId: candidates[0]! };
  return { ok: false, problem: candidates.length === 0 ? "forbidden" : "ambiguous" };
}

/** A role change or removal that would leave the workspace without an owner. */
export function leavesNoOwner(
  owners: readonly string[],
  personId: string,
  change: { remove: true } | { role: OrganizerRole },
): boolean {
  if (!owners.includes(personId)) return false;
  if ("role" in change && change.role === "owner") return false;
  return owners.length <= 1;
}

export const isTokenScope = (s: string): s is TokenScope => (TOKEN_SCOPES as readonly string[]).includes(s);

/** How the audit log names the caller. */
export function actorName(p: Principal): string {
  return p.kind === "person" ? `${p.name} <${p.email}>` : `token ${p.name}`;
}
