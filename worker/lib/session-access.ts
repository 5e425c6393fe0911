import { sessionRoom } from "../../server/rooms";
import type { Context } from "hono";
import type { AppEnv } from "../app-env";
import { database } from "../../server/db/client";
import type { ProgrammeSessionRow } from "../../server/db/schema";
import { findSession } from "../../server/db/sessions";
import { isStaff, type Language } from "../../core/protocol/identity";
import { inAudience } from "../../core/rules/audience";
import { ApiError, ErrorCode, notFound } from "../../server/errors";
import { queryWith } from "./validation";
import { LanguageQuery } from "../schemas/common";

/**
 * The language organizer-written texts come in for the signed-in person: the one they chose on
 * this device (the page sends it as `?lang=`), else the one they registered with.
 */
export const readingLanguage = (c: Context<AppEnv>): Language =>
  queryWith(c, LanguageQuery).lang ?? c.get("me").registration.language;

/**
 * The checks every per-session endpoint shares (the websocket, stage playback, call join): the
 * session belongs to the signed-in person's event and its audience includes them (for a stream
 * room: they are staff, or a guest a moderator approved from the stage).
 */
export async function sessionForMe(c: Context<AppEnv>, sessionId: string): Promise<ProgrammeSessionRow> {
  const { registration, event } = c.get("me");
  const session = await findSession(database(c.env.DB), sessionId);
  if (!session || session.eventId !== event.id) throw notFound("This session");
  if (session.kind === "stream-room" && !isStaff(registration.role)) {
    // A stream room is the studio: participants enter it only while a moderator has them on
    // (the stage's raise-hand queue told the room's object), whatever its audience rule says.
    if (!(await sessionRoom(c.env, session.id).isStreamRoomGuest(registration.id))) {
      throw new ApiError(403, ErrorCode.forbidden, "The stream room is open to people a moderator invited.");
    }
    return session;
  }
  if (!inAudience(session.audience, session.id, registration)) {
    throw new ApiError(403, ErrorCode.forbidden, "This session is not part of your programme.");
  }
  return session;
}

/** Cookie-authenticated endpoints that act (websocket, call join) accept only our own pages' origins. */
export function requireOwnOrigin(c: Context<AppEnv>, what: string): void {
  const origin = c.req.header("Origin");
  const allowed = [new URL(c.req.url).origin, ...c.get("config").allowedOrigins];
  if (!origin || !allowed.includes(origin)) {
    throw new ApiError(403, ErrorCode.forbidden, `This page's origin may not ${what}.`);
  }
}
