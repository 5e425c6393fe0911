import type { IvsChannelType } from "../../config";
import type { AwsApi } from "./client";
import { AwsError } from "./errors";

/** The Amazon IVS (low-latency streaming) calls Foyer makes, typed. All are POST with JSON. */
export interface IvsChannel {
  arn: string;
  name: string;
  latencyMode: "LOW" | "NORMAL";
  type: string;
  ingestEndpoint: string;
  playbackUrl: string;
}

export interface IvsStreamKey {
  arn: string;
  value: string;
  channelArn: string;
}

export type IvsStreamState = "LIVE" | "OFFLINE";

/** GetStream's answer (IVS does not promise OFFLINE: a channel without a broadcast answers 404). */
export interface IvsStream {
  channelArn: string;
  streamId: string;
  state: IvsStreamState;
  health: "HEALTHY" | "STARVING" | "UNKNOWN";
  /** Concurrent views; -1 when IVS timed out counting them. */
  viewerCount: number;
  startTime: string;
}

/** GetStream normalised for the control room: null viewers when IVS did not count them. */
export interface IvsStreamSummary {
  state: IvsStreamState;
  health: "HEALTHY" | "STARVING" | "UNKNOWN";
  viewerCount: number | null;
}

export class Ivs {
  constructor(private readonly api: AwsApi) {}

  /** Not idempotent (IVS has no client token): never retried blindly; see StageService.ensure. */
  async createChannel(
    name: string,
    type: IvsChannelType,
    tags: Record<string, string>,
  ): Promise<{ channel: IvsChannel; streamKey: IvsStreamKey }> {
    return this.api.call("ivs", {
      operation: "CreateChannel",
      method: "POST",
      path: "/CreateChannel",
      // LOW latency (under 5 s); STANDARD transcodes the input into renditions from 160p30 up.
      body: { name, latencyMode: "LOW", type, tags },
    });
  }

  async getChannel(arn: string): Promise<IvsChannel> {
    const out = await this.api.call<{ channel: IvsChannel }>("ivs", {
      operation: "GetChannel",
      method: "POST",
      path: "/GetChannel",
      body: { arn },
      idempotent: true,
    });
    return out.channel;
  }

  /** Channels with exactly this name (ours are named after their session, so at most one). */
  async findChannelsByName(name: string): Promise<{ arn: string; name: string }[]> {
    const out = await this.api.call<{ channels: { arn: string; name: string }[] }>("ivs", {
      operation: "ListChannels",
      method: "POST",
      path: "/ListChannels",
      body: { filterByName: name, maxResults: 10 },
      idempotent: true,
    });
    return out.channels.filter((c) => c.name === name);
  }

  async deleteChannel(arn: string): Promise<void> {
    await this.api.call("ivs", {
      operation: "DeleteChannel",
      method: "POST",
      path: "/DeleteChannel",
      body: { arn },
      idempotent: true,
    });
  }

  async streamKeyArns(channelArn: string): Promise<string[]> {
    const out = await this.api.call<{ streamKeys: { arn: string }[] }>("ivs", {
      operation: "ListStreamKeys",
      method: "POST",
      path: "/ListStreamKeys",
      body: { channelArn },
      idempotent: true,
    });
    return out.streamKeys.map((k) => k.arn);
  }

  async getStreamKey(arn: string): Promise<IvsStreamKey> {
    const out = await this.api.call<{ streamKey: IvsStreamKey }>("ivs", {
      operation: "GetStreamKey",
      method: "POST",
      path: "/GetStreamKey",
      body: { arn },
      idempotent: true,
    });
    return out.streamKey;
  }

  /**
   * A new key for the channel. IVS allows one key per channel, so the old one must be deleted
   * first (CreateStreamKey on a channel with a key fails). Not idempotent: never retried blindly.
   */
  async createStreamKey(channelArn: string): Promise<IvsStreamKey> {
    const out = await this.api.call<{ streamKey: IvsStreamKey }>("ivs", {
      operation: "CreateStreamKey",
      method: "POST",
      path: "/CreateStreamKey",
      body: { channelArn },
    });
    return out.streamKey;
  }

  /** Deleting a key stops an encoder using it from connecting again (a live broadcast goes on). */
  async deleteStreamKey(arn: string): Promise<void> {
    await this.api.call("ivs", {
      operation: "DeleteStreamKey",
      method: "POST",
      path: "/DeleteStreamKey",
      body: { arn },
      idempotent: true,
    });
  }

  /** The channel's broadcast now; undefined when nothing is sent (IVS answers 404 ChannelNotBroadcasting). */
  async stream(channelArn: string): Promise<IvsStream | undefined> {
    try {
      const out = await this.api.call<{ stream: IvsStream }>("ivs", {
        operation: "GetStream",
        method: "POST",
        path: "/GetStream",
        body: { channelArn },
        idempotent: true,
      });
      return out.stream;
    } catch (err) {
      if (err instanceof AwsError && err.code === "ChannelNotBroadcasting") return undefined;
      throw err;
    }
  }

  /** LIVE while a broadcaster sends to the channel; OFFLINE otherwise. */
  async streamState(channelArn: string): Promise<IvsStreamState> {
    return (await this.stream(channelArn))?.state === "LIVE" ? "LIVE" : "OFFLINE";
  }

  /**
   * The stream with its health and viewer count (the control room); null when the channel is not
   * broadcasting. One GetStream, like `streamState`.
   */
  async streamSummary(channelArn: string): Promise<IvsStreamSummary | null> {
    try {
      const out = await this.api.call<{ stream: { state: string; health?: string; viewerCount?: number } }>("ivs", {
        operation: "GetStream",
        method: "POST",
        path: "/GetStream",
        body: { channelArn },
        idempotent: true,
      });
      return {
        state: out.stream.state === "LIVE" ? "LIVE" : "OFFLINE",
        health: out.stream.health === "HEALTHY" || out.stream.health === "STARVING" ? out.stream.health : "UNKNOWN",
        viewerCount: typeof out.stream.viewerCount === "number" ? out.stream.viewerCount : null,
      };
    } catch (err) {
      if (err instanceof AwsError && err.code === "ChannelNotBroadcasting") return null;
      throw err;
    }
  }
}
