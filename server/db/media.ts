import { and, eq, inArray, lt } from "drizzle-orm";
import type { Db } from "./client";
import { mediaAttendees, mediaChannels, mediaMeetings, type MediaChannelRow, type MediaMeetingRow } from "./schema";

/** D1 records of the cloud media: a stage's IVS channel, a call's Chime meeting and its attendees. */

type ChannelFields = Pick<MediaChannelRow, "channelArn" | "ingestEndpoint" | "playbackUrl" | "streamKeyArn">;

export const findChannel = (db: Db, sessionId: string): Promise<MediaChannelRow | undefined> =>
  db.select().from(mediaChannels).where(eq(mediaChannels.sessionId, sessionId)).get();

/**
 * Claims the creation of a stage's channel: a new "creating" row, or a "creating" row whose claim
 * is older than `staleBefore` (its request died). Undefined when someone else holds the claim or
 * the channel exists.
 */
export async function claimChannelCreation(
  db: Db,
  sessionId: string,
  now: number,
  staleBefore: number,
): Promise<MediaChannelRow | undefined> {
  return (
    (await db
      .insert(mediaChannels)
      .values({ sessionId, state: "creating", claimedAt: now })
      .onConflictDoNothing()
      .returning()
      .get()) ??
    (await db
      .update(mediaChannels)
      .set({ claimedAt: now, updatedAt: now })
      .where(
        and(
          eq(mediaChannels.sessionId, sessionId),
          eq(mediaChannels.state, "creating"),
          lt(mediaChannels.claimedAt, staleBefore),
        ),
      )
      .returning()
      .get())
  );
}

/** The claimed creation succeeded: the channel Foyer made (or adopted) is ready. */
export const markChannelReady = (
  db: Db,
  sessionId: string,
  fields: ChannelFields,
  now: number,
): Promise<MediaChannelRow | undefined> =>
  db
    .update(mediaChannels)
    .set({ ...fields, state: "ready", owned: true, updatedAt: now })
    .where(eq(mediaChannels.sessionId, sessionId))
    .returning()
    .get();

/** Gives a creation claim back (only while the row is still "creating"). */
export async function dropChannelClaim(db: Db, sessionId: string): Promise<void> {
  await db
    .delete(mediaChannels)
    .where(and(eq(mediaChannels.sessionId, sessionId), eq(mediaChannels.state, "creating")));
}

/** Records a channel made elsewhere (the IVS console) as the stage's; Foyer does not own it. */
export const insertLinkedChannel = (db: Db, sessionId: string, fields: ChannelFields): Promise<MediaChannelRow> =>
  db
    .insert(mediaChannels)
    .values({ sessionId, state: "ready", owned: false, ...fields })
    .returning()
    .get();

export async function deleteChannel(db: Db, sessionId: string): Promise<void> {
  await db.delete(mediaChannels).where(eq(mediaChannels.sessionId, sessionId));
}

export const findMeeting = (db: Db, callKey: string): Promise<MediaMeetingRow | undefined> =>
  db.select().from(mediaMeetings).where(eq(mediaMeetings.callKey, callKey)).get();

export const activeMeetingsOf = (db: Db, sessionId: string): Promise<MediaMeetingRow[]> =>
  db
    .select()
    .from(mediaMeetings)
    .where(and(eq(mediaMeetings.sessionId, sessionId), eq(mediaMeetings.state, "active")))
    .all();

/** Records the call's meeting (a new generation replaces the ended one) and returns it as stored. */
export async function saveMeeting(
  db: Db,
  values: typeof mediaMeetings.$inferInsert,
): Promise<MediaMeetingRow | undefined> {
  await db.insert(mediaMeetings).values(values).onConflictDoUpdate({ target: mediaMeetings.callKey, set: values });
  return findMeeting(db, values.callKey);
}

/** The meeting is over: marked ended (only that meeting, not a newer one of the call) and its attendees forgotten. */
export async function markMeetingEnded(
  db: Db,
  row: Pick<MediaMeetingRow, "callKey" | "meetingId">,
  now: number,
): Promise<void> {
  await db
    .update(mediaMeetings)
    .set({ state: "ended", endedAt: now })
    .where(and(eq(mediaMeetings.callKey, row.callKey), eq(mediaMeetings.meetingId, row.meetingId)));
  await db
    .delete(mediaAttendees)
    .where(and(eq(mediaAttendees.callKey, row.callKey), eq(mediaAttendees.meetingId, row.meetingId)));
}

export async function saveAttendee(
  db: Db,
  row: { callKey: string; registrationId: string; meetingId: string; attendeeId: string },
  now: number,
): Promise<void> {
  await db
    .insert(mediaAttendees)
    .values(row)
    .onConflictDoUpdate({
      target: [mediaAttendees.callKey, mediaAttendees.registrationId],
      set: { meetingId: row.meetingId, attendeeId: row.attendeeId, createdAt: now },
    });
}

export const findAttendee = (db: Db, callKey: string, registrationId: string) =>
  db
    .select()
    .from(mediaAttendees)
    .where(and(eq(mediaAttendees.callKey, callKey), eq(mediaAttendees.registrationId, registrationId)))
    .get();

export async function deleteAttendee(db: Db, callKey: string, registrationId: string): Promise<void> {
  await db
    .delete(mediaAttendees)
    .where(and(eq(mediaAttendees.callKey, callKey), eq(mediaAttendees.registrationId, registrationId)));
}

/** The stage's key changed (rotated): its ARN, or null between deleting the old and creating the new. */
export async function setChannelKey(
  db: Db,
  sessionId: string,
  streamKeyArn: string | null,
  now: number,
): Promise<void> {
  await db.update(mediaChannels).set({ streamKeyArn, updatedAt: now }).where(eq(mediaChannels.sessionId, sessionId));
}

/** The recorded channels of these sessions (an event's stages). */
export const channelsOf = (db: Db, sessionIds: readonly string[]): Promise<MediaChannelRow[]> =>
  sessionIds.length === 0
    ? Promise.resolve([])
    : db
        .select()
        .from(mediaChannels)
        .where(inArray(mediaChannels.sessionId, [...sessionIds]))
        .all();
