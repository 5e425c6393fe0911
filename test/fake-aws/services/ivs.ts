import * as v from "valibot";
import { AwsFault, randomId, shape, type Route } from "../types.ts";

/** The Amazon IVS (low-latency) channel calls Foyer makes. */
const CreateChannel = v.strictObject({
  name: v.optional(v.pipe(v.string(), v.regex(/^[a-zA-Z0-9-_]{0,128}$/, "must be 0–128 of a-z A-Z 0-9 - _"))),
  latencyMode: v.optional(v.picklist(["NORMAL", "LOW"])),
  type: v.optional(v.picklist(["BASIC", "STANDARD", "ADVANCED_SD", "ADVANCED_HD"])),
  authorized: v.optional(v.boolean()),
  insecureIngest: v.optional(v.boolean()),
  preset: v.optional(v.picklist(["", "HIGHER_BANDWIDTH_DELIVERY", "CONSTRAINED_BANDWIDTH_DELIVERY"])),
  recordingConfigurationArn: v.optional(v.string()),
  tags: v.optional(v.record(v.string(), v.string())),
  // Optional members of the official model (ivs 2020-07-14) Foyer does not send but AWS accepts.
  playbackRestrictionPolicyArn: v.optional(v.string()),
  multitrackInputConfiguration: v.optional(
    v.strictObject({
      enabled: v.optional(v.boolean()),
      policy: v.optional(v.picklist(["ALLOW", "REQUIRE"])),
      maximumResolution: v.optional(v.picklist(["SD", "HD", "FULL_HD"])),
    }),
  ),
  containerFormat: v.optional(v.picklist(["TS", "FRAGMENTED_MP4"])),
});
const ByArn = v.strictObject({ arn: v.pipe(v.string(), v.regex(/^arn:aws:ivs:/, "must be an IVS ARN")) });
const ListChannels = v.strictObject({
  filterByName: v.optional(v.pipe(v.string(), v.regex(/^[a-zA-Z0-9-_]{0,128}$/))),
  filterByRecordingConfigurationArn: v.optional(v.string()),
  filterByPlaybackRestrictionPolicyArn: v.optional(v.string()),
  maxResults: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100))),
  nextToken: v.optional(v.string()),
});
const ByChannelArn = v.strictObject({ channelArn: v.pipe(v.string(), v.regex(/^arn:aws:ivs:/, "must be an IVS ARN")) });
const ListStreamKeys = v.strictObject({
  channelArn: v.pipe(v.string(), v.regex(/^arn:aws:ivs:/, "must be an IVS ARN")),
  maxResults: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50))),
  nextToken: v.optional(v.string()),
});
/** As IVS's API reference spells the patterns (CreateStreamKey, DeleteStreamKey). */
const ChannelArn = v.pipe(
  v.string(),
  v.regex(/^arn:aws:ivs:[a-z0-9-]+:[0-9]+:channel\/[a-zA-Z0-9-]+$/, "must be an IVS channel ARN"),
);
const CreateStreamKey = v.strictObject({
  channelArn: ChannelArn,
  tags: v.optional(v.record(v.string(), v.string())),
});
const DeleteStreamKey = v.strictObject({
  arn: v.pipe(
    v.string(),
    v.regex(/^arn:aws:ivs:[a-z0-9-]+:[0-9]+:stream-key\/[a-zA-Z0-9-]+$/, "must be an IVS stream key ARN"),
  ),
});

export interface FakeChannel {
  arn: string;
  name: string;
  latencyMode: string;
  type: string;
  authorized: boolean;
  ingestEndpoint: string;
  playbackUrl: string;
  /** IVS allows one key per channel; null after DeleteStreamKey until CreateStreamKey. */
  streamKey: { arn: string; value: string } | null;
  tags: Record<string, string>;
  live: boolean;
  /** What GetStream reports while live (set through the control API). */
  health: "HEALTHY" | "STARVING" | "UNKNOWN";
  viewerCount: number;
  startTime: string | null;
}

/**
 * `playbackBase`: when set (the CLI sets it), channels play from the fake itself — the bundled
 * sample while the channel is "live" — so `npm start` against the fake shows a real stage.
 */
export function ivsRoutes(channels: Map<string, FakeChannel>, region: () => string, playbackBase?: string): Route[] {
  const find = (arn: string) => {
    const channel = channels.get(arn);
    if (!channel) throw new AwsFault(404, "ResourceNotFoundException", `Channel ${arn} not found`);
    return channel;
  };
  const newKey = () => ({
    arn: `arn:aws:ivs:${region()}:123456789012:stream-key/${randomId(12)}`,
    value: `sk_${region()}_${randomId(32)}`,
  });
  const channelView = (c: FakeChannel) => ({
    arn: c.arn,
    name: c.name,
    latencyMode: c.latencyMode,
    type: c.type,
    authorized: c.authorized,
    ingestEndpoint: c.ingestEndpoint,
    playbackUrl: c.playbackUrl,
    tags: c.tags,
  });
  return [
    {
      method: "POST",
      path: "/CreateChannel",
      operation: "CreateChannel",
      handle(op) {
        const req = shape(CreateChannel, op.body, "CreateChannel");
        const id = randomId(12);
        const key = newKey();
        const account = "123456789012";
        const arn = `arn:aws:ivs:${region()}:${account}:channel/${id}`;
        const channel: FakeChannel = {
          arn,
          name: req.name ?? "",
          latencyMode: req.latencyMode ?? "LOW",
          type: req.type ?? "STANDARD",
          authorized: req.authorized ?? false,
          ingestEndpoint: `${id}.global-contribute.live-video.net`,
          playbackUrl: playbackBase
            ? `${playbackBase}/__fake/ivs/playback/${id}/master.m3u8`
            : `https://${id}.${region()}.playback.live-video.net/api/video/v1/${region()}.${account}.channel.${id}.m3u8`,
          streamKey: key,
          tags: req.tags ?? {},
          live: false,
          health: "HEALTHY",
          viewerCount: 0,
          startTime: null,
        };
        channels.set(arn, channel);
        return {
          status: 200,
          body: {
            channel: channelView(channel),
            streamKey: { arn: key.arn, value: key.value, channelArn: arn },
          },
        };
      },
    },
    {
      method: "POST",
      path: "/GetChannel",
      operation: "GetChannel",
      handle(op) {
        return { status: 200, body: { channel: channelView(find(shape(ByArn, op.body, "GetChannel").arn)) } };
      },
    },
    {
      method: "POST",
      path: "/ListChannels",
      operation: "ListChannels",
      handle(op) {
        const req = shape(ListChannels, op.body, "ListChannels");
        const all = [...channels.values()].filter((c) => req.filterByName === undefined || c.name === req.filterByName);
        const summaries = all.slice(0, req.maxResults ?? 100).map((c) => ({
          arn: c.arn,
          name: c.name,
          latencyMode: c.latencyMode,
          type: c.type,
          authorized: c.authorized,
          tags: c.tags,
        }));
        return { status: 200, body: { channels: summaries } };
      },
    },
    {
      method: "POST",
      path: "/DeleteChannel",
      operation: "DeleteChannel",
      handle(op) {
        const channel = find(shape(ByArn, op.body, "DeleteChannel").arn);
        if (channel.live) throw new AwsFault(409, "ConflictException", "Cannot delete a channel while it is live");
        channels.delete(channel.arn);
        return { status: 204 };
      },
    },
    {
      method: "POST",
      path: "/ListStreamKeys",
      operation: "ListStreamKeys",
      handle(op) {
        const channel = find(shape(ListStreamKeys, op.body, "ListStreamKeys").channelArn);
        const keys = channel.streamKey ? [{ arn: channel.streamKey.arn, channelArn: channel.arn, tags: {} }] : [];
        return { status: 200, body: { streamKeys: keys } };
      },
    },
    {
      method: "POST",
      path: "/CreateStreamKey",
      operation: "CreateStreamKey",
      handle(op) {
        const channel = find(shape(CreateStreamKey, op.body, "CreateStreamKey").channelArn);
        // As IVS does: one key per channel, so a reset is DeleteStreamKey then CreateStreamKey.
        if (channel.streamKey)
          throw new AwsFault(402, "ServiceQuotaExceededException", "Limit of 1 stream key per channel reached");
        channel.streamKey = newKey();
        return {
          status: 200,
          body: { streamKey: { ...channel.streamKey, channelArn: channel.arn, tags: {} } },
        };
      },
    },
    {
      method: "POST",
      path: "/DeleteStreamKey",
      operation: "DeleteStreamKey",
      handle(op) {
        const arn = shape(DeleteStreamKey, op.body, "DeleteStreamKey").arn;
        const channel = [...channels.values()].find((c) => c.streamKey?.arn === arn);
        if (!channel) throw new AwsFault(404, "ResourceNotFoundException", `Stream key ${arn} not found`);
        channel.streamKey = null;
        return { status: 204 };
      },
    },
    {
      method: "POST",
      path: "/GetStreamKey",
      operation: "GetStreamKey",
      handle(op) {
        const arn = shape(ByArn, op.body, "GetStreamKey").arn;
        const channel = [...channels.values()].find((c) => c.streamKey?.arn === arn);
        if (!channel?.streamKey) throw new AwsFault(404, "ResourceNotFoundException", `Stream key ${arn} not found`);
        return {
          status: 200,
          body: { streamKey: { arn, value: channel.streamKey.value, channelArn: channel.arn, tags: {} } },
        };
      },
    },
    {
      method: "POST",
      path: "/GetStream",
      operation: "GetStream",
      handle(op) {
        const channel = find(shape(ByChannelArn, op.body, "GetStream").channelArn);
        if (!channel.live) throw new AwsFault(404, "ChannelNotBroadcasting", "Channel is not broadcasting");
        return {
          status: 200,
          body: {
            stream: {
              channelArn: channel.arn,
              streamId: `st-${randomId(16)}`,
              playbackUrl: channel.playbackUrl,
              startTime: channel.startTime ?? new Date().toISOString(),
              state: "LIVE",
              health: channel.health,
              viewerCount: channel.viewerCount,
            },
          },
        };
      },
    },
  ];
}
