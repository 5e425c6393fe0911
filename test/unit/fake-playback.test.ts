import { describe, expect, it } from "vitest";
import { fakePlayback } from "../fake-aws/playback.ts";
import type { FakeChannel } from "../fake-aws/services/ivs.ts";

describe("the fake's channel playback (npm start against the fake)", () => {
  const channel = { arn: "arn:aws:ivs:eu-west-1:123456789012:channel/abc123", live: false } as FakeChannel;
  const channels = new Map([[channel.arn, channel]]);

  it("answers 404 while the channel is offline, as IVS does, and plays the sample while live", () => {
    expect(fakePlayback("/__fake/ivs/playback/abc123/master.m3u8", channels).status).toBe(404);
    channel.live = true;
    expect(String(fakePlayback("/__fake/ivs/playback/abc123/master.m3u8", channels).body)).toContain("360p.m3u8");
    expect(String(fakePlayback("/__fake/ivs/playback/abc123/160p.m3u8", channels).body)).toMatch(
      /\/media\/sample\/160p_0\d\.m2ts$/m,
    );
    expect(fakePlayback("/media/sample/160p_00.m2ts", channels)).toMatchObject({ status: 200, type: "video/mp2t" });
    expect(fakePlayback("/__fake/ivs/playback/other/master.m3u8", channels).status).toBe(404);
  });
});
