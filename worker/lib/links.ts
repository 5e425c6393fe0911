import type { Config } from "../config";
import type { EventRow, RegistrationRow } from "../db/schema";
import { signToken, type TokenClaims } from "./tokens";

/** Links stay valid this long after the event ends, for replays and follow-ups. */
export const LINK_GRACE_SECONDS = 2 * 24 * 3600;

export const SESSION_COOKIE = "foyer_session";

export function claimsFor(registration: RegistrationRow, event: EventRow): TokenClaims {
  return {
    registrationId: registration.id,
    eventId: event.id,
    role: registration.role,
    linkVersion: registration.linkVersion,
    expiresAt: Math.floor(event.endsAt / 1000) + LINK_GRACE_SECONDS,
  };
}

/** The personal link: `<PUBLIC_URL>/j/<token>`. */
export async function personalLink(config: Config, registration: RegistrationRow, event: EventRow): Promise<string> {
  const token = await signToken(config.signingKeys[0], "link", claimsFor(registration, event));
  return `${config.publicUrl}/j/${token}`;
}
