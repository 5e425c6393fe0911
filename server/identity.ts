import { Roles, type Role } from "../core/protocol/identity";

/**
 * The worker authenticates a person before the upgrade reaches the session object and hands the
 * result over in these headers. The object is only reachable through the worker's binding, and the
 * worker builds the forwarded request from scratch, so a client cannot supply them.
 */
export const IDENTITY_HEADER = "X-Foyer-Identity";
export const SESSION_HEADER = "X-Foyer-Session";

export interface Identity {
  registrationId: string;
  eventId: string;
  name: string;
  role: Role;
}

export const encodeIdentity = (identity: Identity): string => encodeURIComponent(JSON.stringify(identity));

export function decodeIdentity(header: string | null): Identity | undefined {
  if (!header) return undefined;
  try {
    const raw = JSON.parse(decodeURIComponent(header)) as Partial<Identity>;
    if (
      typeof raw.registrationId === "string" &&
      typeof raw.eventId === "string" &&
      typeof raw.name === "string" &&
      Roles.includes(raw.role as Role)
    ) {
      return { registrationId: raw.registrationId, eventId: raw.eventId, name: raw.name, role: raw.role as Role };
    }
  } catch {
    // fall through: malformed header
  }
  return undefined;
}
