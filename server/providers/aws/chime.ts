import type { AwsApi } from "./client";
import { AwsError } from "./errors";

/** The Chime SDK Meetings calls Foyer makes (service `chime`, host meetings-chime.<region>). */
export interface ChimeMeeting {
  MeetingId: string;
  ExternalMeetingId?: string;
  MediaRegion: string;
  MediaPlacement: Record<string, string>;
  [key: string]: unknown;
}

export interface ChimeAttendee {
  AttendeeId: string;
  ExternalUserId: string;
  JoinToken: string;
}

const isNotFound = (err: unknown) =>
  err instanceof AwsError && (err.status === 404 || err.code === "NotFoundException");

export class Chime {
  constructor(private readonly api: AwsApi) {}

  /** Idempotent on ClientRequestToken: the same token returns the same meeting, so it is safe to retry. */
  async createMeeting(input: {
    clientRequestToken: string;
    externalMeetingId: string;
    mediaRegion: string;
    maxAttendees: number;
  }): Promise<ChimeMeeting> {
    const out = await this.api.call<{ Meeting: ChimeMeeting }>("chime", {
      operation: "CreateMeeting",
      method: "POST",
      path: "/meetings",
      body: {
        ClientRequestToken: input.clientRequestToken,
        ExternalMeetingId: input.externalMeetingId,
        MediaRegion: input.mediaRegion,
        MeetingFeatures: { Attendee: { MaxCount: input.maxAttendees } },
      },
      idempotent: true,
    });
    return out.Meeting;
  }

  /** Idempotent on ExternalUserId within a meeting: the same person gets the same attendee back. */
  async createAttendee(meetingId: string, externalUserId: string): Promise<ChimeAttendee> {
    const out = await this.api.call<{ Attendee: ChimeAttendee }>("chime", {
      operation: "CreateAttendee",
      method: "POST",
      path: `/meetings/${encodeURIComponent(meetingId)}/attendees`,
      body: { ExternalUserId: externalUserId },
      idempotent: true,
    });
    return out.Attendee;
  }

  async attendeeCount(meetingId: string): Promise<number> {
    const out = await this.api.call<{ Attendees: unknown[] }>("chime", {
      operation: "ListAttendees",
      method: "GET",
      path: `/meetings/${encodeURIComponent(meetingId)}/attendees`,
      idempotent: true,
    });
    return out.Attendees.length;
  }

  /** Gone already counts as done: ending an ended meeting is not an error. */
  async deleteMeeting(meetingId: string): Promise<void> {
    try {
      await this.api.call("chime", {
        operation: "DeleteMeeting",
        method: "DELETE",
        path: `/meetings/${encodeURIComponent(meetingId)}`,
        idempotent: true,
      });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }

  async deleteAttendee(meetingId: string, attendeeId: string): Promise<void> {
    try {
      await this.api.call("chime", {
        operation: "DeleteAttendee",
        method: "DELETE",
        path: `/meetings/${encodeURIComponent(meetingId)}/attendees/${encodeURIComponent(attendeeId)}`,
        idempotent: true,
      });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }
}

export const isChimeNotFound = isNotFound;
