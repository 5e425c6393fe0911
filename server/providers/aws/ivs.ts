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

export interface IvsStream {
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

  /** LIVE while a broadcaster sends to the channel; OFFLINE otherwise (IVS answers 404 ChannelNotBroadcasting). */
  async streamState(channelArn: string): Promise<IvsStreamState> {
    try {
      const out = await this.api.call<{ stream: { state: string } }>("ivs", {
        operation: "GetStream",
        method: "POST",
        path: "/GetStream",
        body: { channelArn },
        idempotent: true,
      });
      return out.stream.state === "LIVE" ? "LIVE" : "OFFLINE";
    } catch (err) {
      if (err instanceof AwsError && err.code === "ChannelNotBroadcasting") return "OFFLINE";
      throw err;
    }
  }

  /**
   * The stream with its health and viewer count (the control room); null when the channel is not
   * broadcasting. One GetStream, like `streamState`.
   */
  async stream(channelArn: string): Promise<IvsStream | null> {
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
