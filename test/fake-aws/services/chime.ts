import * as v from "valibot";
import { AwsFault, randomId, shape, type Route } from "../types.ts";

/** Amazon Chime SDK Meetings (the `meetings-chime` endpoint, signing name `chime`). */
const Region = v.pipe(v.string(), v.regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "must be an AWS region"));
const CreateMeeting = v.strictObject({
  ClientRequestToken: v.pipe(v.string(), v.minLength(2), v.maxLength(64), v.regex(/^[-_a-zA-Z0-9]*$/)),
  MediaRegion: Region,
  ExternalMeetingId: v.pipe(v.string(), v.minLength(2), v.maxLength(64)),
  MeetingHostId: v.optional(v.pipe(v.string(), v.minLength(2), v.maxLength(64))),
  NotificationsConfiguration: v.optional(
    v.strictObject({
      LambdaFunctionArn: v.optional(v.string()),
      SnsTopicArn: v.optional(v.string()),
      SqsQueueArn: v.optional(v.string()),
    }),
  ),
  MeetingFeatures: v.optional(
    v.strictObject({
      Audio: v.optional(v.strictObject({ EchoReduction: v.picklist(["AVAILABLE", "UNAVAILABLE"]) })),
      Video: v.optional(v.strictObject({ MaxResolution: v.picklist(["None", "HD", "FHD"]) })),
      Content: v.optional(v.strictObject({ MaxResolution: v.picklist(["None", "FHD", "UHD"]) })),
      Attendee: v.optional(
        v.strictObject({ MaxCount: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(250)) }),
      ),
    }),
  ),
  Tags: v.optional(v.array(v.strictObject({ Key: v.string(), Value: v.string() }))),
  // Optional members of the official model (chime-sdk-meetings 2021-07-15) Foyer does not send.
  PrimaryMeetingId: v.optional(v.pipe(v.string(), v.minLength(2), v.maxLength(64))),
  TenantIds: v.optional(v.pipe(v.array(v.string()), v.minLength(1), v.maxLength(5))),
  MediaPlacementNetworkType: v.optional(v.picklist(["Ipv4Only", "DualStack"])),
});
const Capabilities = v.strictObject({
  Audio: v.picklist(["SendReceive", "Send", "Receive", "None"]),
  Video: v.picklist(["SendReceive", "Send", "Receive", "None"]),
  Content: v.picklist(["SendReceive", "Send", "Receive", "None"]),
});
const CreateAttendee = v.strictObject({
  ExternalUserId: v.pipe(v.string(), v.minLength(2), v.maxLength(64)),
  Capabilities: v.optional(Capabilities),
});

export interface FakeAttendee {
  AttendeeId: string;
  ExternalUserId: string;
  JoinToken: string;
  Capabilities: v.InferOutput<typeof Capabilities>;
}

export interface FakeMeeting {
  MeetingId: string;
  ExternalMeetingId: string;
  MediaRegion: string;
  ClientRequestToken: string;
  attendees: Map<string, FakeAttendee>;
  maxAttendees: number;
}

export function chimeRoutes(meetings: Map<string, FakeMeeting>): Route[] {
  const find = (id: string | undefined) => {
    const meeting = id ? meetings.get(id) : undefined;
    if (!meeting) throw new AwsFault(404, "NotFoundException", `The meeting ${id} does not exist.`);
    return meeting;
  };
  const view = (m: FakeMeeting) => {
    const base = `${m.MeetingId.slice(0, 8)}.k.m1.${m.MediaRegion.replace(/-/g, "")}.app.chime.aws`;
    return {
      MeetingId: m.MeetingId,
      ExternalMeetingId: m.ExternalMeetingId,
      MediaRegion: m.MediaRegion,
      MeetingArn: `arn:aws:chime:${m.MediaRegion}:123456789012:meeting/${m.MeetingId}`,
      MediaPlacement: {
        AudioHostUrl: `${base}:3478`,
        AudioFallbackUrl: `wss://haxrp.${base}:443/calls/${m.MeetingId}`,
        SignalingUrl: `wss://signal.${base}/control/${m.MeetingId}`,
        TurnControlUrl: `https://2713.cell.${m.MediaRegion}.meetings.chime.aws/v2/turn_sessions`,
        ScreenDataUrl: `wss://bitpw.${base}:443/v2/screen/${m.MeetingId}`,
        ScreenViewingUrl: `wss://bitpw.${base}:443/ws/connect?passcode=null&viewer_uuid=null&X-BitHub-Call-Id=${m.MeetingId}`,
        ScreenSharingUrl: `wss://bitpw.${base}:443/v2/screen/${m.MeetingId}`,
        EventIngestionUrl: `https://data.svc.${m.MediaRegion}.ingest.chime.aws/v1/client-events`,
      },
    };
  };
  return [
    {
      method: "POST",
      path: "/meetings",
      operation: "CreateMeeting",
      handle(op) {
        const req = shape(CreateMeeting, op.body, "CreateMeeting");
        // Same ClientRequestToken, same meeting: CreateMeeting is idempotent on the token.
        const existing = [...meetings.values()].find((m) => m.ClientRequestToken === req.ClientRequestToken);
        if (existing) return { status: 200, body: { Meeting: view(existing) } };
        const id = crypto.randomUUID();
        const meeting: FakeMeeting = {
          MeetingId: id,
          ExternalMeetingId: req.ExternalMeetingId,
          MediaRegion: req.MediaRegion,
          ClientRequestToken: req.ClientRequestToken,
          attendees: new Map(),
          maxAttendees: req.MeetingFeatures?.Attendee?.MaxCount ?? 250,
        };
        meetings.set(id, meeting);
        return { status: 200, body: { Meeting: view(meeting) } };
      },
    },
    {
      method: "GET",
      path: "/meetings/:meetingId",
      operation: "GetMeeting",
      handle(op) {
        return { status: 200, body: { Meeting: view(find(op.params.meetingId)) } };
      },
    },
    {
      method: "DELETE",
      path: "/meetings/:meetingId",
      operation: "DeleteMeeting",
      handle(op) {
        meetings.delete(find(op.params.meetingId).MeetingId);
        return { status: 204 };
      },
    },
    {
      method: "POST",
      path: "/meetings/:meetingId/attendees",
      operation: "CreateAttendee",
      handle(op) {
        const meeting = find(op.params.meetingId);
        const req = shape(CreateAttendee, op.body, "CreateAttendee");
        const existing = [...meeting.attendees.values()].find((a) => a.ExternalUserId === req.ExternalUserId);
        if (existing) return { status: 200, body: { Attendee: existing } };
        if (meeting.attendees.size >= meeting.maxAttendees) {
          throw new AwsFault(
            400,
            "LimitExceededException",
            `The meeting has reached its limit of ${meeting.maxAttendees} attendees.`,
          );
        }
        const attendee: FakeAttendee = {
          AttendeeId: crypto.randomUUID(),
          ExternalUserId: req.ExternalUserId,
          JoinToken: randomId(40),
          Capabilities: req.Capabilities ?? { Audio: "SendReceive", Video: "SendReceive", Content: "SendReceive" },
        };
        meeting.attendees.set(attendee.AttendeeId, attendee);
        return { status: 200, body: { Attendee: attendee } };
      },
    },
    {
      method: "GET",
      path: "/meetings/:meetingId/attendees",
      operation: "ListAttendees",
      handle(op) {
        return { status: 200, body: { Attendees: [...find(op.params.meetingId).attendees.values()] } };
      },
    },
    {
      method: "GET",
      path: "/meetings/:meetingId/attendees/:attendeeId",
      operation: "GetAttendee",
      handle(op) {
        const attendee = find(op.params.meetingId).attendees.get(op.params.attendeeId ?? "");
        if (!attendee) throw new AwsFault(404, "NotFoundException", "The attendee does not exist.");
        return { status: 200, body: { Attendee: attendee } };
      },
    },
    {
      method: "DELETE",
      path: "/meetings/:meetingId/attendees/:attendeeId",
      operation: "DeleteAttendee",
      handle(op) {
        const meeting = find(op.params.meetingId);
        if (!meeting.attendees.delete(op.params.attendeeId ?? "")) {
          throw new AwsFault(404, "NotFoundException", "The attendee does not exist.");
        }
        return { status: 204 };
      },
    },
  ];
}
