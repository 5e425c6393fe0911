import type { Config } from "./config";
import type { EventRow, RegistrationRow } from "./db/schema";
import { signToken, type TokenClaims } from "./tokens";

/**
 * Links stay valid this long after the event ends (for replays and follow-ups), or this long
 * after they were issued when that is later: a fresh link asked for after the event still works
 * for a while. Only the owner of the inbox can ask for one.
 */
export const LINK_GRACE_SECONDS = 2 * 24 * 3600;

/** The sign-in cookie. Its name on the wire predates the glossary and stays, so sign-ins survive a deploy. */
export const SIGNIN_COOKIE = "foyer_session";

export function claimsFor(registration: RegistrationRow, event: EventRow, now = Date.now()): TokenClaims {
  return {
    registrationId: registration.id,
    eventId: event.id,
    role: registration.role,
    linkVersion: registration.linkVersion,
    expiresAt: Math.floor(Math.max(event.endsAt, now) / 1000) + LINK_GRACE_SECONDS,
  };
}

/** The personal link: `<PUBLIC_URL>/j/<token>`. */
export async function personalLink(
  config: Config,
  registration: RegistrationRow,
  event: EventRow,
  now = Date.now(),
): Promise<string> {
  const token = await signToken(config.signingKeys[0], "link", claimsFor(registration, event, now));
  return `${config.publicUrl}/j/${token}`;
}

/**
 * The personal calendar feed: `<PUBLIC_URL>/api/calendar/<token>`. A token of its own purpose, so
 * the URL a calendar app keeps can read the programme but never sign anyone in.
 */
export async function calendarLink(
  config: Config,
  registration: RegistrationRow,
  event: EventRow,
  now = Date.now(),
): Promise<string> {
  const token = await signToken(config.signingKeys[0], "calendar", claimsFor(registration, event, now));
  return `${config.publicUrl}/api/calendar/${token}`;
}
