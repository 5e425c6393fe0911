import { count, countDistinct, eq, inArray, or } from "drizzle-orm";
import { hubRoomName } from "../../core/protocol/networking";
import type { Db } from "./client";
import { programmeSessions } from "./schema";
import { networkingMeetings } from "./schema-networking";

/**
 * The reads behind the engagement report's 1:1 chats and carousel meetings (beside
 * report-queries.ts). Both go through `networking_meetings_session`: the event's sessions, then
 * its hub's name.
 */

/** The event's meetings: its carousel sessions' groups and its hub's 1:1 chats. */
const meetingsOf = (db: Db, eventId: string) =>
  or(
    inArray(
      networkingMeetings.sessionId,
      db.select({ id: programmeSessions.id }).from(programmeSessions).where(eq(programmeSessions.eventId, eventId)),
    ),
    eq(networkingMeetings.sessionId, hubRoomName(eventId)),
  );

/** Meetings and the people who met, per carousel session and for the hub's 1:1 chats. */
export const meetingsPerSession = (db: Db, eventId: string) =>
  db
    .select({
      sessionId: networkingMeetings.sessionId,
      kind: networkingMeetings.kind,
      meetings: countDistinct(networkingMeetings.meetingId),
      people: countDistinct(networkingMeetings.registrationId),
    })
    .from(networkingMeetings)
    .where(meetingsOf(db, eventId))
    .groupBy(networkingMeetings.sessionId, networkingMeetings.kind)
    .all();

/** How many 1:1 chats and carousel meetings each person had. */
export const meetingsPerPerson = (db: Db, eventId: string) =>
  db
    .select({ registrationId: networkingMeetings.registrationId, kind: networkingMeetings.kind, meetings: count() })
    .from(networkingMeetings)
    .where(meetingsOf(db, eventId))
    .groupBy(networkingMeetings.registrationId, networkingMeetings.kind)
    .all();
