import type {
  ApiTokenView,
  AuditEntryView,
  MemberView,
  OrganizerMe,
  OrganizerSessionView,
  PasskeyView,
  Scope,
  WorkspaceView,
} from "../../core/contract/organizers";
import { scopesOf } from "../../core/contract/organizers";
import type { ApiTokenRow, AuditRow, OrganizerSessionRow, PasskeyRow, WorkspaceRow } from "../../server/db/schema";
import type { MemberRow } from "../../server/db/organizers";
import { type Principal, scopesAt } from "../../server/organizers/access";
import { idleEndOf } from "../../server/organizers/sessions";

const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

/** The workspaces the caller belongs to (a token: its one), with their role and event limit. */
export function workspaceViews(p: Principal, rows: readonly WorkspaceRow[]): (WorkspaceView & { scopes: Scope[] })[] {
  return rows.map((w) => {
    if (p.kind === "token") return { id: w.id, name: w.name, role: null, eventIds: null, scopes: [...p.scopes] };
    const m = p.memberships.find((g) => g.workspaceId === w.id);
    return {
      id: w.id,
      name: w.name,
      role: m?.role ?? null,
      eventIds: m?.eventIds ? [...m.eventIds] : null,
      // What they hold on the workspace itself; on their events a limited member holds the role's scopes.
      scopes: m?.eventIds ? [...scopesOf(m.role)] : [...(scopesAt(p, w.id, null) ?? [])],
    };
  });
}

export function meView(p: Principal, rows: readonly WorkspaceRow[]): OrganizerMe {
  return p.kind === "person"
    ? { kind: "person", id: p.personId, name: p.name, email: p.email, workspaces: workspaceViews(p, rows) }
    : { kind: "token", id: p.tokenId, name: p.name, email: null, workspaces: workspaceViews(p, rows) };
}

export const memberView = ({ membership: m, person }: MemberRow): MemberView => ({
  personId: person.id,
  name: person.name,
  email: person.email,
  role: m.role,
  eventIds: m.eventIds,
  lastSignInAt: isoOrNull(person.lastSignInAt),
  invitedAt: iso(m.invitedAt),
});

export const tokenView = (t: ApiTokenRow): ApiTokenView => ({
  id: t.id,
  name: t.name,
  scopes: t.scopes,
  createdAt: iso(t.createdAt),
  createdBy: t.createdBy,
  expiresAt: isoOrNull(t.expiresAt),
  lastUsedAt: isoOrNull(t.lastUsedAt),
  revokedAt: isoOrNull(t.revokedAt),
});

export const organizerSessionView = (s: OrganizerSessionRow, currentHash: string | null): OrganizerSessionView => ({
  id: s.idHash,
  createdAt: iso(s.createdAt),
  lastSeenAt: iso(s.lastSeenAt),
  idleExpiresAt: iso(idleEndOf(s)),
  expiresAt: iso(s.expiresAt),
  userAgent: s.userAgent,
  ip: s.ip,
  current: s.idHash === currentHash,
});

export const auditView = (r: AuditRow): AuditEntryView => ({
  id: r.id,
  at: iso(r.at),
  actor: r.actor,
  personId: r.personId,
  tokenId: r.tokenId,
  workspaceId: r.workspaceId,
  ip: r.ip,
  action: r.action,
  eventId: r.eventId,
  target: r.target,
  details: r.details,
});

export const passkeyView = (p: PasskeyRow): PasskeyView => ({
  id: p.id,
  name: p.name,
  createdAt: iso(p.createdAt),
  lastUsedAt: isoOrNull(p.lastUsedAt),
});
