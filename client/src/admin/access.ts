import type { AdminEvent } from "../../../core/contract/index";
import type { OrganizerMe, Scope } from "../../../core/contract/organizers";

/**
 * What the console offers the signed-in person, from `GET /api/admin/auth/me`. The server
 * refuses anything a role may not do; this only keeps the page from offering it. Pure, for the
 * unit tests.
 */
export type MeWorkspace = OrganizerMe["workspaces"][number];

/** An event as `GET /api/admin/events` lists it, with the workspace that owns it. */
export type ScopedEvent = AdminEvent;

/** The console's pages, in the order of its navigation. */
export const CONSOLE_PAGES = ["events", "people", "tokens", "audit", "sessions"] as const;
export type ConsolePage = (typeof CONSOLE_PAGES)[number];

/** The workspace the person asked for, else their first; none when they belong to none. */
export function chooseWorkspace(me: OrganizerMe, wanted: string | null | undefined): MeWorkspace | undefined {
  return me.workspaces.find((w) => w.id === wanted) ?? me.workspaces[0];
}

export const has = (ws: MeWorkspace | undefined, scope: Scope): boolean => ws?.scopes.includes(scope) ?? false;

export interface Controls {
  /** Change a registration's role, give a new link, revoke one. */
  editRegistrations: boolean;
  /** Send invitations (one person, or everyone still waiting). */
  sendInvitations: boolean;
  /** People and API tokens (owners). */
  manageWorkspace: boolean;
  readAudit: boolean;
}

export function controlsFor(ws: MeWorkspace | undefined): Controls {
  return {
    editRegistrations: has(ws, "registrations:write"),
    sendInvitations: has(ws, "invitations:write"),
    manageWorkspace: has(ws, "workspace:manage"),
    readAudit: has(ws, "audit:read"),
  };
}

/** The pages this person may open in this workspace. */
export function pagesFor(me: OrganizerMe, ws: MeWorkspace | undefined): ConsolePage[] {
  const c = controlsFor(ws);
  return CONSOLE_PAGES.filter((page) => {
    switch (page) {
      case "events":
        return true;
      case "people":
      case "tokens":
        return c.manageWorkspace;
      case "audit":
        return c.readAudit;
      case "sessions":
        return me.kind === "person";
      default:
        return page satisfies never;
    }
  });
}

/**
 * The events of this workspace the person may see. `GET /api/admin/events` already answers only
 * what the caller can see, across all their workspaces; this picks the chosen workspace's.
 */
export function eventsOf<E extends { id: string; workspaceId: string | null }>(
  events: readonly E[],
  ws: MeWorkspace | undefined,
): E[] {
  if (!ws) return [];
  return events.filter((e) => e.workspaceId === ws.id && (ws.eventIds === null || ws.eventIds.includes(e.id)));
}

const ADMIN = "/admin";

/** The page an address shows; anything unknown under /admin is the events page. */
export function pageOf(pathname: string): ConsolePage {
  const rest = pathname.startsWith(ADMIN) ? pathname.slice(ADMIN.length).replace(/^\/+|\/+$/g, "") : "";
  return (CONSOLE_PAGES as readonly string[]).includes(rest) ? (rest as ConsolePage) : "events";
}

export const pathOf = (page: ConsolePage): string => (page === "events" ? ADMIN : `${ADMIN}/${page}`);
