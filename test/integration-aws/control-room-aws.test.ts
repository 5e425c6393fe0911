import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import type { LiveResponse, StageLive } from "../../core/contract/live";
import { STREAM_CACHE_MS } from "../../server/live/stage-live";
import { adminJson, seedDemo } from "../integration/helpers";
import { fakeAws } from "./fake";

/** The control room's stage video with IVS: GetStream's state and health, cached per channel. */

beforeEach(async () => {
  await fakeAws.reset();
  await env.DB.batch(
    ["media_channels", "media_meetings", "media_attendees"].map((t) => env.DB.prepare(`DELETE FROM ${t}`)),
  );
});

const getStreams = async () => (await fakeAws.requests()).filter((r) => r.operation === "GetStream").length;

async function stageOf(eventId: string, stageId: string): Promise<StageLive | null> {
  const { status, body } = await adminJson<LiveResponse>(`/api/admin/events/${eventId}/live`);
  expect(status).toBe(200);
  return body.sessions.find((s) => s.id === stageId)!.stage;
}

describe("the control room with IVS", () => {
  it("shows a stage without a channel, then offline, then live and healthy, asking IVS once per period", {
    timeout: 30_000,
  }, async () => {
    const { eventId } = await seedDemo();
    const { body } = await adminJson<LiveResponse>(`/api/admin/events/${eventId}/live`);
    const stageId = body.sessions.find((s) => s.kind === "stage")!.id;
    expect(await stageOf(eventId, stageId)).toMatchObject({ source: "ivs", state: "no-channel" });

    const made = await adminJson<{ channelArn: string }>(`/api/admin/media/stages/${stageId}/channel`, {
      method: "PUT",
    });
    expect(made.status).toBe(200);
    const before = await getStreams();
    // Five control rooms refreshing at once: one GetStream.
    const seen = await Promise.all([1, 2, 3, 4, 5].map(() => stageOf(eventId, stageId)));
    for (const s of seen) expect(s).toEqual({ source: "ivs", state: "offline", health: "unknown", viewers: null });
    expect((await getStreams()) - before).toBe(1);

    await fakeAws.setLive(made.body.channelArn, true);
    await new Promise((r) => setTimeout(r, STREAM_CACHE_MS + 200));
    expect(await stageOf(eventId, stageId)).toEqual({ source: "ivs", state: "live", health: "healthy", viewers: 0 });
    expect((await getStreams()) - before).toBe(2);
  });
});
