import type { Config } from "../config";
import type { CallJoinResponse } from "../../core/contract/media";
import type { Db } from "../db/client";
import {
  activeMeetingsOf,
  deleteAttendee,
  findAttendee,
  findMeeting,
  markMeetingEnded,
  saveAttendee,
  saveMeeting,
} from "../db/media";
import type { MediaMeetingRow } from "../db/schema";
import { AwsError } from "../providers/aws/errors";
import { isChimeNotFound } from "../providers/aws/chime";
import { mediaApiError } from "./aws-errors";
import { mediaAws, type MediaAws } from "./aws";
import { chimeRequestToken } from "./request-token";

/** Chime's limit; the mesh has its own, much lower (CALL_MESH_MAX_PEERS). */
export const CHIME_MAX_ATTENDEES = 250;

/** A call is one session's call ("main") or one pair within it (carousel, 1:1). */
export interface CallRef {
  sessionId: string;
  call: string;
}

export const callKey = (ref: CallRef) => `${ref.sessionId}.${ref.call}`;

/**
 * Video calls. Locally a call is a peer-to-peer mesh signalled through the session's object, so
 * joining only hands out the mesh settings. With MEDIA_PROVIDER=aws each call is one Chime SDK
 * meeting (created on first join, recorded in D1) and each person one attendee.
 */
export class CallService {
  private readonly aws: MediaAws | undefined;

  constructor(
    private readonly db: Db,
    private readonly config: Config,
  ) {
    this.aws = mediaAws(config);
  }

  get provider(): "mesh" | "chime" {
    return this.aws ? "chime" : "mesh";
  }

  async join(ref: CallRef, registrationId: string): Promise<CallJoinResponse> {
    if (!this.aws) return { provider: "mesh", call: ref.call, maxPeers: this.config.meshMaxPeers, iceServers: [] };
    const aws = this.aws;
    try {
      // A meeting Chime ended by itself (empty for a while) answers NotFound: start a new one, once.
      for (let attempt = 0; ; attempt++) {
        const { row, created } = await this.ensureMeeting(aws, ref);
        try {
          const attendee = await aws.chime.createAttendee(row.meetingId, registrationId);
          await saveAttendee(
            this.db,
            { callKey: row.callKey, registrationId, meetingId: row.meetingId, attendeeId: attendee.AttendeeId },
            Date.now(),
          );
          return {
            provider: "chime",
            call: ref.call,
            meeting: row.meeting,
            attendee: {
              AttendeeId: attendee.AttendeeId,
              ExternalUserId: attendee.ExternalUserId,
              JoinToken: attendee.JoinToken,
            },
          };
        } catch (err) {
          if (isChimeNotFound(err) && attempt === 0) {
            await this.markEnded(row);
            continue;
          }
          // Nothing half-made: a meeting this join created and nobody got into goes away again.
          if (created) await this.discardIfEmpty(aws, row);
          throw err;
        }
      }
    } catch (err) {
      throw err instanceof AwsError ? mediaApiError(err, "join the call") : err;
    }
  }

  /** Removes one person's attendee (a moderator removed them); their Chime session drops at once. */
  async removeAttendee(ref: CallRef, registrationId: string): Promise<void> {
    if (!this.aws) return;
    const key = callKey(ref);
    const row = await findAttendee(this.db, key, registrationId);
    if (!row) return;
    await this.aws.chime.deleteAttendee(row.meetingId, row.attendeeId);
    await deleteAttendee(this.db, key, registrationId);
  }

  /** Ends the call's meeting (the call is over, or a moderator ended it). Safe to repeat. */
  async end(ref: CallRef): Promise<boolean> {
    if (!this.aws) return false;
    const row = await findMeeting(this.db, callKey(ref));
    if (row?.state !== "active") return false;
    await this.aws.chime.deleteMeeting(row.meetingId);
    await this.markEnded(row);
    return true;
  }

  /** Active meetings of a session, for the object that decides when a call is over. */
  async activeCalls(sessionId: string): Promise<string[]> {
    if (!this.aws) return [];
    const rows = await activeMeetingsOf(this.db, sessionId);
    return rows.map((r) => r.callKey.slice(sessionId.length + 1));
  }

  /**
   * The call's active meeting, or a new one. CreateMeeting is idempotent on its token, and the
   * token names the call and its generation: people joining at the same moment get the same
   * meeting, and a call whose meeting ended gets a fresh one under the next generation.
   */
  private async ensureMeeting(aws: MediaAws, ref: CallRef): Promise<{ row: MediaMeetingRow; created: boolean }> {
    const key = callKey(ref);
    const current = await findMeeting(this.db, key);
    if (current?.state === "active") return { row: current, created: false };
    const generation = current ? current.generation + 1 : 1;
    const meeting = await aws.chime.createMeeting({
      clientRequestToken: await chimeRequestToken(key, generation),
      externalMeetingId: key.slice(0, 64),
      mediaRegion: this.config.chimeMediaRegion ?? aws.region,
      maxAttendees: CHIME_MAX_ATTENDEES,
    });
    const values = {
      callKey: key,
      sessionId: ref.sessionId,
      generation,
      state: "active" as const,
      meetingId: meeting.MeetingId,
      mediaRegion: meeting.MediaRegion,
      meeting: meeting as Record<string, unknown>,
      createdAt: Date.now(),
      endedAt: null,
    };
    const row = await saveMeeting(this.db, values);
    return { row: row!, created: true };
  }

  private async discardIfEmpty(aws: MediaAws, row: MediaMeetingRow): Promise<void> {
    try {
      if ((await aws.chime.attendeeCount(row.meetingId)) > 0) return;
      await aws.chime.deleteMeeting(row.meetingId);
      await this.markEnded(row);
    } catch (err) {
      // The meeting stays recorded as active, so the next join reuses it instead of leaking it.
      console.error(`media: could not clean up meeting ${row.meetingId} after a failed join`, err);
    }
  }

  private async markEnded(row: MediaMeetingRow): Promise<void> {
    await markMeetingEnded(this.db, row, Date.now());
  }
}
