import {
  BatchCreateAttendeeCommand,
  ChimeSDKMeetingsClient,
  CreateAttendeeCommand,
  CreateMeetingCommand,
  DeleteAttendeeCommand,
  DeleteMeetingCommand,
  GetMeetingCommand,
  ListAttendeesCommand,
} from "@aws-sdk/client-chime-sdk-meetings";
import {
  CreateChannelCommand,
  CreateStreamKeyCommand,
  DeleteChannelCommand,
  DeleteStreamKeyCommand,
  GetChannelCommand,
  GetStreamCommand,
  GetStreamKeyCommand,
  IvsClient,
  ListChannelsCommand,
  ListStreamKeysCommand,
} from "@aws-sdk/client-ivs";
import { SendEmailCommand, SESv2Client } from "@aws-sdk/client-sesv2";
import { beforeEach, describe, expect, it } from "vitest";
import { defaultChimeRegion } from "../../server/config";
import { FAKE_AWS } from "../fake-aws/credentials";
import { fakeAws } from "./fake";

/**
 * The official AWS SDK v3 clients, pointed at the fake: every operation Foyer calls, with the
 * SDK's own serialization, signing and error parsing. If the fake drifts from the official
 * models (a path, a member name, ?operation=, an error shape) this fails.
 */
const credentials = { accessKeyId: FAKE_AWS.accessKeyId, secretAccessKey: FAKE_AWS.secretAccessKey };
const client = <C>(Client: new (config: Record<string, unknown>) => C, region: string) =>
  new Client({ region, endpoint: fakeAws.url(), credentials, maxAttempts: 1 });

describe("the official AWS SDK against the fake endpoint", () => {
  beforeEach(() => fakeAws.reset());

  it("Chime SDK Meetings: meeting and attendee lifecycle, with optional members, in the Chime control region", async () => {
    const chime = client(ChimeSDKMeetingsClient, defaultChimeRegion(FAKE_AWS.region));
    const { Meeting } = await chime.send(
      new CreateMeetingCommand({
        ClientRequestToken: "sdk-token-1",
        ExternalMeetingId: "ses_sdk.main",
        MediaRegion: "eu-west-1",
        MeetingFeatures: { Audio: { EchoReduction: "AVAILABLE" }, Attendee: { MaxCount: 25 } },
        TenantIds: ["foyer"],
      }),
    );
    const meetingId = Meeting!.MeetingId!;
    expect(Meeting!.MediaPlacement?.SignalingUrl).toMatch(/^wss:/);
    const { Attendee } = await chime.send(
      new CreateAttendeeCommand({ MeetingId: meetingId, ExternalUserId: "reg_ada#main" }),
    );
    expect((await chime.send(new GetMeetingCommand({ MeetingId: meetingId }))).Meeting?.ExternalMeetingId).toBe(
      "ses_sdk.main",
    );
    expect((await chime.send(new ListAttendeesCommand({ MeetingId: meetingId }))).Attendees).toHaveLength(1);
    await chime.send(new DeleteAttendeeCommand({ MeetingId: meetingId, AttendeeId: Attendee!.AttendeeId! }));
    // Same path as CreateAttendee, told apart by ?operation=batch-create: never run as CreateAttendee.
    const batch = await chime
      .send(new BatchCreateAttendeeCommand({ MeetingId: meetingId, Attendees: [{ ExternalUserId: "reg_bram" }] }))
      .catch((err: { name: string }) => err.name);
    expect(batch).toBe("UnknownOperationException");
    await chime.send(new DeleteMeetingCommand({ MeetingId: meetingId }));
    const gone = await chime
      .send(new GetMeetingCommand({ MeetingId: meetingId }))
      .catch((err: { name: string; $metadata: { httpStatusCode?: number } }) => [
        err.name,
        err.$metadata.httpStatusCode,
      ]);
    expect(gone).toEqual(["NotFoundException", 404]);
    const ops = (await fakeAws.requests()).map((r) => `${r.operation} ${r.status} ${r.region}`);
    expect(ops.slice(0, 5)).toEqual([
      "CreateMeeting 200 eu-central-1",
      "CreateAttendee 200 eu-central-1",
      "GetMeeting 200 eu-central-1",
      "ListAttendees 200 eu-central-1",
      "DeleteAttendee 204 eu-central-1",
    ]);
  });

  it("refuses the SDK's Chime calls signed for a region Chime is not controlled from", async () => {
    const chime = client(ChimeSDKMeetingsClient, "eu-west-1");
    const err = await chime
      .send(new GetMeetingCommand({ MeetingId: "00000000-0000-0000-0000-000000000000" }))
      .catch((e: { name: string }) => e.name);
    expect(err).toBe("InvalidSignatureException");
  });

  it("IVS: channel, stream key and stream calls", async () => {
    const ivs = client(IvsClient, FAKE_AWS.region);
    const { channel, streamKey } = await ivs.send(
      new CreateChannelCommand({ name: "stage", latencyMode: "LOW", type: "STANDARD", tags: { foyer: "1" } }),
    );
    const arn = channel!.arn!;
    expect((await ivs.send(new GetChannelCommand({ arn }))).channel?.name).toBe("stage");
    expect((await ivs.send(new ListChannelsCommand({ filterByName: "stage", maxResults: 10 }))).channels).toHaveLength(
      1,
    );
    const keys = await ivs.send(new ListStreamKeysCommand({ channelArn: arn, maxResults: 5 }));
    expect(keys.streamKeys?.[0]?.arn).toBe(streamKey!.arn);
    expect((await ivs.send(new GetStreamKeyCommand({ arn: streamKey!.arn! }))).streamKey?.value).toBe(streamKey!.value);
    await ivs.send(new DeleteStreamKeyCommand({ arn: streamKey!.arn! }));
    const fresh = await ivs.send(new CreateStreamKeyCommand({ channelArn: arn }));
    expect(fresh.streamKey?.arn).not.toBe(streamKey!.arn);
    const offline = await ivs
      .send(new GetStreamCommand({ channelArn: arn }))
      .catch((err: { name: string }) => err.name);
    expect(offline).toBe("ChannelNotBroadcasting");
    await fakeAws.setLive(arn, true, { viewerCount: 7 });
    expect((await ivs.send(new GetStreamCommand({ channelArn: arn }))).stream?.viewerCount).toBe(7);
    await fakeAws.setLive(arn, false);
    await ivs.send(new DeleteChannelCommand({ arn }));
    const gone = await ivs.send(new GetChannelCommand({ arn })).catch((err: unknown) => err);
    // IVS's errors carry their text in exceptionMessage, as the model (and so the SDK) has it.
    expect(gone).toMatchObject({ name: "ResourceNotFoundException", exceptionMessage: `Channel ${arn} not found` });
  });

  it("SES v2: SendEmail with simple content, configuration set and tags", async () => {
    const ses = client(SESv2Client, FAKE_AWS.region);
    const out = await ses.send(
      new SendEmailCommand({
        FromEmailAddress: "Foyer <events@foyer.test>",
        Destination: { ToAddresses: ["ada@example.org"] },
        Content: {
          Simple: {
            Subject: { Data: "Your link", Charset: "UTF-8" },
            Body: { Text: { Data: "Hello", Charset: "UTF-8" }, Html: { Data: "<p>Hello</p>", Charset: "UTF-8" } },
          },
        },
        ConfigurationSetName: "foyer-test",
        EmailTags: [{ Name: "foyer-message", Value: "inv_1" }],
        ListManagementOptions: { ContactListName: "attendees" },
      }),
    );
    expect(out.MessageId).toBeTruthy();
    const { sent } = await fakeAws.state<{ sent: { to: string[]; subject: string }[] }>();
    expect(sent).toMatchObject([{ to: ["ada@example.org"], subject: "Your link" }]);
  });
});
