import { env } from "cloudflare:workers";
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { getConfig } from "../../server/config";
import type { CallJoinResponse, StageIngestResponse, StagePlaybackResponse } from "../../core/contract/media";
import type { ProgrammeResponse } from "../../core/contract/index";
import { AwsApi } from "../../server/providers/aws/client";
import { Ivs } from "../../server/providers/aws/ivs";
import { Chime } from "../../server/providers/aws/chime";
import { PROTOCOL_VERSION } from "../../core/protocol";
import { admin, call, openSocket, ORIGIN, seedDemo, signIn, type DemoPerson } from "../integration/helpers";
import { fakeAws } from "./fake";
import { sessionRoom } from "../../server/rooms";

/** The AWS code path end to end: worker and session objects against the fake AWS endpoint. */
interface FakeState {
  channels: { arn: string; name: string; latencyMode: string; type: string; streamKey: { value: string } }[];
  meetings: {
    MeetingId: string;
    ExternalMeetingId: string;
    MediaRegion: string;
    attendees: { AttendeeId: string; ExternalUserId: string }[];
  }[];
}

async function setup() {
  const { people } = await seedDemo();
  const by = (prefix: string) => people.find((p) => p.name.startsWith(prefix))!;
  const all = (await (
    await call("/api/me/programme", { headers: { Cookie: await signIn(by("Mia").link) } })
  ).json()) as ProgrammeResponse;
  const session = (match: string) => all.sessions.find((s) => s.title.includes(match))!.id;
  return { by, stage: session("Main stage"), critique: session("design critique"), vipBreakout: session("edge") };
}

const get = async (path: string, person: DemoPerson) => call(path, { headers: { Cookie: await signIn(person.link) } });
const joinCall = async (sessionId: string, person: DemoPerson, body: unknown = {}) =>
  call(`/api/sessions/${sessionId}/call/join`, {
    method: "POST",
    headers: { Cookie: await signIn(person.link), Origin: ORIGIN },
    body: JSON.stringify(body),
  });
const ops = async (operation?: string) =>
  (await fakeAws.requests()).filter((r) => !operation || r.operation === operation);
const roomOf = (sessionId: string) => sessionRoom(env, sessionId);

async function socketIn(sessionId: string, person: DemoPerson) {
  const socket = await openSocket(sessionId, await signIn(person.link));
  socket.send({ type: "hello", v: PROTOCOL_VERSION });
  await socket.next("welcome");
  return socket;
}

beforeEach(async () => {
  await fakeAws.reset();
  // The fake forgets everything between tests; so must our records of what exists there.
  await env.DB.batch(
    ["media_channels", "media_meetings", "media_attendees"].map((t) => env.DB.prepare(`DELETE FROM ${t}`)),
  );
});

/** Time passes: the object's named `media` alarm (stage poll, idle calls) is due now. */
async function mediaStepDue(room: DurableObjectStub): Promise<void> {
  await runInDurableObject(room, (_o, state) => {
    state.storage.sql.exec("UPDATE alarms SET at = 0 WHERE name = 'media'");
  });
}

describe("stages on IVS", () => {
  it("creates one low-latency adaptive channel per stage and never shows its stream key to viewers", async () => {
    const { by, stage } = await setup();
    const first = await get(`/api/sessions/${stage}/stage`, by("Ada"));
    expect(first.status).toBe(200);
    const raw = await first.text();
    const body = JSON.parse(raw) as StagePlaybackResponse;
    const [channel] = (await fakeAws.state<FakeState>()).channels;
    expect(channel).toMatchObject({ name: `foyer-${stage}`, latencyMode: "LOW", type: "STANDARD" });
    expect(body).toEqual({ source: "ivs", playbackUrl: expect.stringMatching(/\.m3u8$/), status: "unknown" });
    expect(raw).not.toContain(channel!.streamKey.value);
    expect(raw).not.toContain("global-contribute");

    await get(`/api/sessions/${stage}/stage`, by("Bram"));
    expect(await ops("CreateChannel")).toHaveLength(1);

    expect((await get(`/api/sessions/${stage}/stage/ingest`, by("Ada"))).status).toBe(403);
    expect((await get(`/api/sessions/${stage}/stage/ingest`, by("Mia"))).status).toBe(403);
    const ingest = (await (await get(`/api/sessions/${stage}/stage/ingest`, by("Pim"))).json()) as StageIngestResponse;
    expect(ingest).toMatchObject({
      provider: "ivs",
      streamKey: channel!.streamKey.value,
      ingestServer: expect.stringMatching(/^rtmps:\/\/.+:443\/app\/$/),
    });
  });

  it("tells connected viewers when the broadcast goes live and offline, without the key", async () => {
    const { by, stage } = await setup();
    await get(`/api/sessions/${stage}/stage`, by("Ada"));
    const [channel] = (await fakeAws.state<FakeState>()).channels;
    const viewer = await socketIn(stage, by("Ada"));
    viewer.send({ type: "stage/subscribe" });
    await viewer.next("stage/status");

    await fakeAws.setLive(channel!.arn, true);
    await mediaStepDue(roomOf(stage));
    await runDurableObjectAlarm(roomOf(stage));
    expect(await viewer.next("stage/status", 5000)).toMatchObject({ status: "live", since: expect.any(Number) });
    await fakeAws.setLive(channel!.arn, false);
    await mediaStepDue(roomOf(stage));
    await runDurableObjectAlarm(roomOf(stage));
    expect(await viewer.next("stage/status", 5000)).toMatchObject({ status: "offline" });
    expect(JSON.stringify(viewer.frames)).not.toContain(channel!.streamKey.value);
    expect((await ops("GetStream")).length).toBeGreaterThanOrEqual(2);
    viewer.close();
  });

  it("releases the channel it created, only unlinks one an organizer linked, and adopts an orphan", async () => {
    const { by, stage } = await setup();
    const ivs = new Ivs(new AwsApi(getConfig(env).aws!));
    await get(`/api/sessions/${stage}/stage`, by("Ada"));
    const released = await admin(`/api/admin/media/stages/${stage}/channel`, { method: "DELETE" });
    expect(await released.json()).toEqual({ released: "deleted" });
    expect((await fakeAws.state<FakeState>()).channels).toEqual([]);

    const own = await ivs.createChannel("console-made", "STANDARD", {});
    const linked = await admin(`/api/admin/media/stages/${stage}/channel`, {
      method: "PUT",
      body: JSON.stringify({ channelArn: own.channel.arn }),
    });
    expect(await linked.json()).toMatchObject({ channelArn: own.channel.arn, owned: false });
    expect(
      ((await (await get(`/api/sessions/${stage}/stage`, by("Ada"))).json()) as StagePlaybackResponse).playbackUrl,
    ).toBe(own.channel.playbackUrl);
    expect(await (await admin(`/api/admin/media/stages/${stage}/channel`, { method: "DELETE" })).json()).toEqual({
      released: "unlinked",
    });
    expect((await fakeAws.state<FakeState>()).channels.map((c) => c.arn)).toEqual([own.channel.arn]);

    // A request that died after CreateChannel left a channel named after the stage: adopt it.
    const orphan = await ivs.createChannel(`foyer-${stage}`, "STANDARD", {});
    const creates = (await ops("CreateChannel")).length;
    const playback = (await (await get(`/api/sessions/${stage}/stage`, by("Ada"))).json()) as StagePlaybackResponse;
    expect(playback.playbackUrl).toBe(orphan.channel.playbackUrl);
    expect(await ops("CreateChannel")).toHaveLength(creates);
  });

  it("turns throttling and bad credentials into clear errors and leaves nothing half-made", async () => {
    const { by, stage } = await setup();
    await fakeAws.fault({ service: "ivs", operation: "CreateChannel", status: 429, code: "ThrottlingException" });
    const busy = await get(`/api/sessions/${stage}/stage`, by("Ada"));
    expect(busy.status).toBe(503);
    expect(busy.headers.get("Retry-After")).toBe("3");
    expect(((await busy.json()) as { error: { code: string; message: string } }).error).toEqual({
      code: "upstream_failed",
      message:
        "Amazon IVS is busy right now, so we could not set up the stage video. Please try again in a few seconds.",
      retryAfterSeconds: 3,
    });
    expect(await env.DB.prepare("SELECT COUNT(*) AS n FROM media_channels").first("n")).toBe(0);

    await fakeAws.fault({
      service: "ivs",
      operation: "ListChannels",
      status: 403,
      code: "UnrecognizedClientException",
    });
    const denied = await get(`/api/sessions/${stage}/stage`, by("Ada"));
    expect(denied.status).toBe(502);
    expect(((await denied.json()) as { error: { message: string } }).error.message).toMatch(
      /not allowed to use Amazon IVS.*credentials/,
    );

    expect((await get(`/api/sessions/${stage}/stage`, by("Ada"))).status).toBe(200);
    expect((await fakeAws.state<FakeState>()).channels).toHaveLength(1);
  });
});

describe("calls on Chime SDK meetings", () => {
  it("creates one meeting per call on first join and one attendee per person", async () => {
    const { by, critique } = await setup();
    const [ada, chloe, adaAgain] = await Promise.all([
      joinCall(critique, by("Ada")),
      joinCall(critique, by("Chlo")),
      joinCall(critique, by("Ada")),
    ]);
    const bodies = (await Promise.all([ada, chloe, adaAgain].map((r) => r.json()))) as Extract<
      CallJoinResponse,
      { provider: "chime" }
    >[];
    const { meetings } = await fakeAws.state<FakeState>();
    expect(meetings).toHaveLength(1);
    expect(meetings[0]).toMatchObject({ ExternalMeetingId: `${critique}.main`, MediaRegion: "eu-west-1" });
    expect(meetings[0]!.attendees).toHaveLength(2);
    expect(bodies[0]).toMatchObject({
      provider: "chime",
      call: "main",
      meeting: { MeetingId: meetings[0]!.MeetingId, MediaPlacement: expect.any(Object) },
    });
    expect(bodies[0]!.attendee.JoinToken).toEqual(expect.any(String));
    expect(bodies[2]!.attendee.AttendeeId).toBe(bodies[0]!.attendee.AttendeeId);
    expect(bodies[1]!.attendee.AttendeeId).not.toBe(bodies[0]!.attendee.AttendeeId);
    const createMeeting = (await ops("CreateMeeting"))[0]!.body as { ClientRequestToken: string };
    expect(createMeeting.ClientRequestToken).toMatch(/-g1$/);
  });

  it("gives a producer's output page an attendee of its own in the stream room, and no participant a place uninvited", async () => {
    const { by, stage } = await setup();
    const door = (await (await get(`/api/sessions/${stage}/stage-door`, by("Ada"))).json()) as { streamRoomId: string };
    expect((await joinCall(door.streamRoomId, by("Ada"))).status).toBe(403);
    const own = (await (await joinCall(door.streamRoomId, by("Pim"))).json()) as Extract<
      CallJoinResponse,
      { provider: "chime" }
    >;
    const output = (await (await joinCall(door.streamRoomId, by("Pim"), { output: true })).json()) as Extract<
      CallJoinResponse,
      { provider: "chime" }
    >;
    expect(output.attendee.ExternalUserId).toBe(`${own.attendee.ExternalUserId}#output`);
    expect(output.attendee.AttendeeId).not.toBe(own.attendee.AttendeeId);
    const { meetings } = await fakeAws.state<FakeState>();
    expect(meetings).toHaveLength(1);
    expect(meetings[0]!.attendees).toHaveLength(2);
    expect((await joinCall(door.streamRoomId, by("Ada"), { output: true })).status).toBe(403);
  });

  it("joins only people the call is for", async () => {
    const { by, vipBreakout, stage } = await setup();
    expect((await joinCall(vipBreakout, by("Bram"))).status).toBe(403);
    expect((await joinCall(stage, by("Ada"))).status).toBe(409);
    expect((await joinCall(vipBreakout, by("Bram"), { call: "pair-1" })).status).toBe(403);
    expect(await ops()).toEqual([]);
  });

  it("cleans up a meeting whose first attendee failed, then starts a fresh one", async () => {
    const { by, critique } = await setup();
    await fakeAws.fault({
      service: "chime",
      operation: "CreateAttendee",
      status: 400,
      code: "LimitExceededException",
      message: "Attendee limit",
    });
    const failed = await joinCall(critique, by("Ada"));
    expect(failed.status).toBe(503);
    expect(((await failed.json()) as { error: { message: string } }).error.message).toMatch(
      /Amazon Chime SDK has reached a usage limit.*join the call/,
    );
    expect((await fakeAws.state<FakeState>()).meetings).toEqual([]);
    expect(await ops("DeleteMeeting")).toHaveLength(1);

    const ok = await joinCall(critique, by("Ada"));
    expect(ok.status).toBe(200);
    expect((await fakeAws.state<FakeState>()).meetings).toHaveLength(1);
    expect(((await ops("CreateMeeting")).at(-1)!.body as { ClientRequestToken: string }).ClientRequestToken).toMatch(
      /-g2$/,
    );
  });

  it("retries throttled joins and starts a new meeting when Chime ended the old one", async () => {
    const { by, critique } = await setup();
    await fakeAws.fault({
      service: "chime",
      operation: "CreateMeeting",
      status: 429,
      code: "ThrottlingException",
      times: 1,
    });
    const first = (await (await joinCall(critique, by("Ada"))).json()) as Extract<
      CallJoinResponse,
      { provider: "chime" }
    >;
    expect((await ops("CreateMeeting")).map((r) => r.status)).toEqual([429, 200]);
    // Chime ends meetings that stay empty; the next join must not hand out the dead one.
    await new Chime(new AwsApi(getConfig(env).aws!)).deleteMeeting(first.meeting.MeetingId as string);
    const second = (await (await joinCall(critique, by("Chlo"))).json()) as Extract<
      CallJoinResponse,
      { provider: "chime" }
    >;
    expect(second.meeting.MeetingId).not.toBe(first.meeting.MeetingId);
    expect((await fakeAws.state<FakeState>()).meetings).toHaveLength(1);
  });

  it("deletes the attendee a moderator removes and ends the meeting when the call is over", async () => {
    const { by, critique } = await setup();
    const ada = (await (await joinCall(critique, by("Ada"))).json()) as Extract<
      CallJoinResponse,
      { provider: "chime" }
    >;
    await joinCall(critique, by("Mia"));
    const adaSocket = await socketIn(critique, by("Ada"));
    const miaSocket = await socketIn(critique, by("Mia"));
    for (const s of [adaSocket, miaSocket]) {
      s.send({ type: "rtc/join", call: "main" });
      expect(await s.next("rtc/joined")).toMatchObject({ provider: "chime", maxPeers: null });
    }
    miaSocket.send({ type: "rtc/remove", call: "main", registrationId: ada.attendee.ExternalUserId });
    expect(await adaSocket.next("rtc/removed")).toMatchObject({ reason: "removed" });
    await expect
      .poll(async () => (await ops("DeleteAttendee")).map((r) => r.path))
      .toEqual([`/meetings/${ada.meeting.MeetingId as string}/attendees/${ada.attendee.AttendeeId}`]);
    expect((await joinCall(critique, by("Ada"))).status).toBe(403);

    // Everyone leaves; after the grace period the alarm ends the meeting.
    miaSocket.close();
    adaSocket.close();
    const room = roomOf(critique);
    await expect
      .poll(() =>
        runInDurableObject(room, (_o, state) => state.storage.sql.exec("SELECT COUNT(*) AS n FROM rtc_idle").one().n),
      )
      .toBe(1);
    await runInDurableObject(room, (_o, state) => {
      state.storage.sql.exec("UPDATE rtc_idle SET empty_since = 0");
    });
    await mediaStepDue(room);
    expect(await runDurableObjectAlarm(room)).toBe(true);
    expect((await fakeAws.state<FakeState>()).meetings).toEqual([]);
    expect(await env.DB.prepare("SELECT state FROM media_meetings").first("state")).toBe("ended");
    // A removal lasts for that call only: the next meeting welcomes Ada again.
    expect((await joinCall(critique, by("Ada"))).status).toBe(200);
  });
});
