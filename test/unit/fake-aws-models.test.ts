import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AwsApi } from "../../server/providers/aws/client";
import { startFakeAws, type FakeAws } from "../fake-aws/server.ts";

/**
 * The fake follows the official API models: optional members AWS accepts are accepted, and
 * operations that share a path are told apart by `?operation=` as AWS tells them apart.
 */
const creds = { accessKeyId: "AKIDFOYERMODEL0000", secretAccessKey: "foyer-model-secret-key-0123" };
let fake: FakeAws;
let api: AwsApi;

beforeAll(async () => {
  fake = await startFakeAws({ region: "eu-west-1", credentials: [creds] });
  api = new AwsApi(
    { ...creds, region: "eu-west-1", chimeRegion: "eu-central-1", sessionToken: undefined, endpointOverride: fake.url },
    { retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 } },
  );
});
afterAll(() => fake.close());

const status = (p: Promise<unknown>) =>
  p.then(
    () => 200,
    (err: { status: number; code: string }) => `${err.status} ${err.code}`,
  );

describe("the fake AWS endpoint against the official models", () => {
  it("accepts optional members Foyer does not send but AWS accepts", async () => {
    const meeting = await api.call<{ Meeting: { MeetingId: string } }>("chime", {
      operation: "CreateMeeting",
      method: "POST",
      path: "/meetings",
      body: {
        ClientRequestToken: "model-1",
        MediaRegion: "eu-west-1",
        ExternalMeetingId: "model-meeting",
        NotificationsConfiguration: { SnsTopicArn: "arn:aws:sns:eu-central-1:123456789012:t" },
        TenantIds: ["tenant-1"],
        MeetingFeatures: { Audio: { EchoReduction: "AVAILABLE" }, Attendee: { MaxCount: 10 } },
      },
    });
    expect(meeting.Meeting.MeetingId).toBeTruthy();
    const channel = await api.call<{ channel: { arn: string } }>("ivs", {
      operation: "CreateChannel",
      method: "POST",
      path: "/CreateChannel",
      body: { name: "stage", containerFormat: "TS", multitrackInputConfiguration: { enabled: false } },
    });
    expect(
      await status(
        api.call("ivs", {
          operation: "ListStreamKeys",
          method: "POST",
          path: "/ListStreamKeys",
          body: { channelArn: channel.channel.arn, maxResults: 5 },
        }),
      ),
    ).toBe(200);
    expect(
      await status(
        api.call("ses", {
          operation: "SendEmail",
          method: "POST",
          path: "/v2/email/outbound-emails",
          body: {
            FromEmailAddress: "events@foyer.test",
            Destination: { ToAddresses: ["ada@example.org"] },
            Content: { Simple: { Subject: { Data: "Hi" }, Body: { Text: { Data: "Hello" } } } },
            ListManagementOptions: { ContactListName: "attendees" },
            FeedbackForwardingEmailAddress: "bounces@foyer.test",
          },
        }),
      ),
    ).toBe(200);
  });

  it("routes by ?operation= too: BatchCreateAttendee and CreateMeetingWithAttendees are not CreateAttendee/CreateMeeting", async () => {
    const { Meeting } = await api.call<{ Meeting: { MeetingId: string } }>("chime", {
      operation: "CreateMeeting",
      method: "POST",
      path: "/meetings",
      body: { ClientRequestToken: "model-2", MediaRegion: "eu-west-1", ExternalMeetingId: "model-2" },
    });
    fake.requests.length = 0;
    const batch = await status(
      api.call("chime", {
        operation: "BatchCreateAttendee",
        method: "POST",
        path: `/meetings/${Meeting.MeetingId}/attendees?operation=batch-create`,
        body: { Attendees: [{ ExternalUserId: "reg_ada" }] },
      }),
    );
    const withAttendees = await status(
      api.call("chime", {
        operation: "CreateMeetingWithAttendees",
        method: "POST",
        path: "/meetings?operation=create-attendees",
        body: {
          ClientRequestToken: "model-3",
          MediaRegion: "eu-west-1",
          ExternalMeetingId: "model-3",
          Attendees: [{ ExternalUserId: "reg_ada" }],
        },
      }),
    );
    // The fake does not implement them, and says so, rather than running another operation.
    expect([batch, withAttendees]).toEqual(["404 UnknownOperationException", "404 UnknownOperationException"]);
    expect(fake.requests.map((r) => r.operation)).toEqual(["?", "?"]);
    expect(fake.meetings.get(Meeting.MeetingId)?.attendees.size).toBe(0);
    expect([...fake.meetings.values()].map((m) => m.ExternalMeetingId)).not.toContain("model-3");
  });
});
