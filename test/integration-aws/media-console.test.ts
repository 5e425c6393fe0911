import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import type { AdminStageMedia, AdminStageStatus, StageKeyReveal } from "../../core/contract/media";
import { admin, seedDemo } from "../integration/helpers";
import { fakeAws } from "./fake";

/** The organizer console's stage video against the fake AWS endpoint: list, reveal, rotate, status. */
interface FakeState {
  channels: { arn: string; streamKey: { arn: string; value: string } | null }[];
}
type ErrorBody = { error: { code: string; message: string } };

async function setup() {
  const { eventId } = await seedDemo();
  const list = async () =>
    ((await (await admin(`/api/admin/media/events/${eventId}/stages`)).json()) as { items: AdminStageMedia[] }).items;
  const [stage] = (await list()).filter((s) => s.source === "ivs");
  const created = await admin(`/api/admin/media/stages/${stage!.sessionId}/channel`, { method: "PUT" });
  expect(created.status).toBe(200);
  return { eventId, stage: stage!.sessionId, list };
}
const post = (path: string) => admin(path, { method: "POST" });
const ops = async (operation: string) => (await fakeAws.requests()).filter((r) => r.operation === operation);

beforeEach(async () => {
  await fakeAws.reset();
  await env.DB.batch(
    ["media_channels", "media_meetings", "media_attendees"].map((t) => env.DB.prepare(`DELETE FROM ${t}`)),
  );
});

describe("stage video in the console (IVS)", () => {
  it("lists the channel without its key, reveals the key only on request and audits the reveal", async () => {
    const { eventId, stage, list } = await setup();
    const [channel] = (await fakeAws.state<FakeState>()).channels;
    const listed = await admin(`/api/admin/media/events/${eventId}/stages`);
    const raw = await listed.text();
    expect(raw).not.toContain(channel!.streamKey!.value);
    expect((await list()).find((s) => s.sessionId === stage)).toMatchObject({
      source: "ivs",
      channel: {
        channelArn: channel!.arn,
        ingestServer: expect.stringMatching(/^rtmps:\/\/.+:443\/app\/$/),
        owned: true,
      },
      playbackUrl: expect.stringMatching(/\.m3u8$/),
    });

    const revealed = await post(`/api/admin/media/stages/${stage}/key/reveal`);
    expect(revealed.status).toBe(200);
    expect(revealed.headers.get("Cache-Control")).toBe("no-store");
    expect((await revealed.json()) as StageKeyReveal).toMatchObject({ streamKey: channel!.streamKey!.value });
    const audit = (await (await admin("/api/admin/audit")).json()) as { items: { action: string; target: string }[] };
    expect(audit.items.map((a) => a.action)).toEqual(
      expect.arrayContaining(["stage.key.reveal", "stage.channel.create"]),
    );
    expect(JSON.stringify(audit)).not.toContain(channel!.streamKey!.value);
  });

  it("rotates the key: the old one is deleted at IVS, the new one is what the next reveal shows", async () => {
    const { stage } = await setup();
    const before = (await fakeAws.state<FakeState>()).channels[0]!.streamKey!;
    const rotated = await post(`/api/admin/media/stages/${stage}/key/rotate`);
    expect(rotated.status).toBe(200);
    expect(JSON.stringify(await rotated.json())).not.toContain("sk_");
    const after = (await fakeAws.state<FakeState>()).channels[0]!.streamKey!;
    expect(after.arn).not.toBe(before.arn);
    expect((await ops("DeleteStreamKey")).map((r) => r.body)).toEqual([{ arn: before.arn }]);
    expect((await ops("CreateStreamKey")).map((r) => r.status)).toEqual([200]);
    const revealed = (await (await post(`/api/admin/media/stages/${stage}/key/reveal`)).json()) as StageKeyReveal;
    expect(revealed.streamKey).toBe(after.value);
    expect(revealed.streamKey).not.toBe(before.value);
    const audit = (await (await admin("/api/admin/audit")).json()) as { items: { action: string }[] };
    expect(audit.items.map((a) => a.action)).toContain("stage.key.rotate");
  });

  it("says clearly when IAM refuses the rotation, and a second try repairs a channel left without a key", async () => {
    const { stage } = await setup();
    await fakeAws.fault({
      service: "ivs",
      operation: "CreateStreamKey",
      status: 403,
      code: "AccessDeniedException",
      message: "User is not authorized to perform: ivs:CreateStreamKey",
    });
    const denied = await post(`/api/admin/media/stages/${stage}/key/rotate`);
    expect(denied.status).toBe(502);
    expect(((await denied.json()) as ErrorBody).error.message).toBe(
      "Foyer is not allowed to use Amazon IVS, so we could not rotate the stream key. The organizer needs to check the AWS credentials and permissions.",
    );
    // The old key is gone and no new one was made: the reveal says what to do.
    const noKey = await post(`/api/admin/media/stages/${stage}/key/reveal`);
    expect(noKey.status).toBe(409);
    expect(((await noKey.json()) as ErrorBody).error.message).toMatch(/no stream key.*Rotate/);

    expect((await post(`/api/admin/media/stages/${stage}/key/rotate`)).status).toBe(200);
    expect((await post(`/api/admin/media/stages/${stage}/key/reveal`)).status).toBe(200);
  });

  it("reports live status, health and viewers, and turns throttling into a message to retry", async () => {
    const { stage } = await setup();
    const status = async () => {
      const res = await admin(`/api/admin/media/stages/${stage}/status`);
      return { res, body: (await res.json()) as AdminStageStatus | ErrorBody };
    };
    expect((await status()).body).toMatchObject({ source: "ivs", state: "offline" });
    const [channel] = (await fakeAws.state<FakeState>()).channels;
    await fakeAws.setLive(channel!.arn, true, { viewerCount: 42, health: "STARVING" });
    expect((await status()).body).toMatchObject({
      source: "ivs",
      state: "live",
      health: "STARVING",
      viewerCount: 42,
      startedAt: expect.any(String),
    });

    await fakeAws.fault({ service: "ivs", operation: "GetStream", status: 429, code: "ThrottlingException", times: 5 });
    const busy = await status();
    expect(busy.res.status).toBe(503);
    expect(busy.res.headers.get("Retry-After")).toBe("3");
    expect((busy.body as ErrorBody).error.message).toBe(
      "Amazon IVS is busy right now, so we could not read the stage's status. Please try again in a few seconds.",
    );
  });

  it("has no status or key for a stage without a channel, and refuses a viewer role the key", async () => {
    const { eventId } = await seedDemo();
    const items = (
      (await (await admin(`/api/admin/media/events/${eventId}/stages`)).json()) as { items: AdminStageMedia[] }
    ).items;
    const bare = items.find((s) => s.source === "ivs")!;
    expect(bare).toMatchObject({ channel: null, playbackUrl: null });
    expect(await (await admin(`/api/admin/media/stages/${bare.sessionId}/status`)).json()).toMatchObject({
      state: "no-channel",
    });
    expect((await post(`/api/admin/media/stages/${bare.sessionId}/key/reveal`)).status).toBe(409);
    expect(await ops("CreateChannel")).toEqual([]);
  });
});
