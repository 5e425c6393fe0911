import type { Config } from "../config";
import type { StageIngestResponse, StagePlaybackResponse, StageStatus } from "../../core/contract/media";
import type { Db } from "../db/client";
import {
  claimChannelCreation,
  deleteChannel,
  dropChannelClaim,
  findChannel,
  insertLinkedChannel,
  markChannelReady,
} from "../db/media";
import type { MediaChannelRow, ProgrammeSessionRow } from "../db/schema";
import { ApiError, ErrorCode } from "../errors";
import { AwsError } from "../providers/aws/errors";
import { mediaApiError } from "./aws-errors";
import { mediaAws, type MediaAws } from "./aws";

/** The bundled sample, looped live by worker/routes/media-sample.ts. */
export const SAMPLE_PLAYBACK_URL = "/api/media/sample/master.m3u8";

/** A claim older than this belongs to a request that died; the next one may take over. */
const CLAIM_STALE_MS = 30_000;

/** IVS channel names: ours carry the session id, so an orphan from a crash can be found again. */
export const channelNameFor = (sessionId: string) => `foyer-${sessionId}`;

export type ReadyChannel = MediaChannelRow & { channelArn: string; playbackUrl: string; ingestEndpoint: string };
const isReady = (row: MediaChannelRow | undefined): row is ReadyChannel =>
  row?.state === "ready" && !!row.channelArn && !!row.playbackUrl && !!row.ingestEndpoint;

/**
 * Stage video. With MEDIA_PROVIDER=local the stage plays the bundled sample (or the stage's own
 * HLS URL); with aws each stage gets one IVS channel, created on first need (or linked by the
 * organizer) and recorded in D1.
 */
export class StageService {
  private readonly aws: MediaAws | undefined;

  constructor(
    private readonly db: Db,
    private readonly config: Config,
  ) {
    this.aws = mediaAws(config);
  }

  async playback(session: ProgrammeSessionRow, knownStatus?: StageStatus): Promise<StagePlaybackResponse> {
    requireStage(session);
    // A stage's own HLS URL wins in every mode: an encoder on the local network, a rehearsal feed.
    if (session.streamUrl) return { source: "hls", playbackUrl: session.streamUrl, status: "unknown" };
    if (!this.aws) return { source: "hls", playbackUrl: SAMPLE_PLAYBACK_URL, status: "live" };
    const channel = await this.ensureChannel(session.id);
    return { source: "ivs", playbackUrl: channel.playbackUrl, status: knownStatus ?? "unknown" };
  }

  async ingest(session: ProgrammeSessionRow): Promise<StageIngestResponse> {
    requireStage(session);
    if (!this.aws || session.streamUrl) {
      return { provider: "local", playbackUrl: session.streamUrl ?? SAMPLE_PLAYBACK_URL };
    }
    const channel = await this.ensureChannel(session.id);
    const aws = this.aws;
    try {
      const keyArn = channel.streamKeyArn ?? (await aws.ivs.streamKeyArns(channel.channelArn))[0];
      if (!keyArn)
        throw new ApiError(
          409,
          ErrorCode.conflict,
          "This stage's IVS channel has no stream key. Create one in the IVS console.",
        );
      const key = await aws.ivs.getStreamKey(keyArn);
      return {
        provider: "ivs",
        channelArn: channel.channelArn,
        ingestServer: `rtmps://${channel.ingestEndpoint}:443/app/`,
        streamKey: key.value,
        playbackUrl: channel.playbackUrl,
      };
    } catch (err) {
      throw err instanceof ApiError ? err : mediaApiError(err, "read the stage's stream key");
    }
  }

  /** The recorded channel, if any (the session object polls its stream state). */
  async channel(sessionId: string): Promise<ReadyChannel | undefined> {
    const row = await findChannel(this.db, sessionId);
    return isReady(row) ? row : undefined;
  }

  /**
   * The stage's channel, created when missing. CreateChannel has no idempotency token, so a D1
   * row claims the creation first: one request creates, concurrent ones are told to retry. A
   * request that died after CreateChannel left a channel named after the session, which the next
   * claimant finds with ListChannels and adopts instead of creating a second one.
   */
  async ensureChannel(sessionId: string): Promise<ReadyChannel> {
    const aws = this.requireAws();
    const existing = await this.channel(sessionId);
    if (existing) return existing;
    const now = Date.now();
    const claimed = await claimChannelCreation(this.db, sessionId, now, now - CLAIM_STALE_MS);
    if (!claimed) {
      const raced = await this.channel(sessionId);
      if (raced) return raced;
      throw new ApiError(
        503,
        ErrorCode.upstream,
        "The stage video is being set up right now. Please try again in a moment.",
        undefined,
        2,
      );
    }
    try {
      const name = channelNameFor(sessionId);
      const [orphan] = await aws.ivs.findChannelsByName(name);
      let fields: Pick<MediaChannelRow, "channelArn" | "ingestEndpoint" | "playbackUrl" | "streamKeyArn">;
      if (orphan) {
        const channel = await aws.ivs.getChannel(orphan.arn);
        const [keyArn] = await aws.ivs.streamKeyArns(channel.arn);
        fields = {
          channelArn: channel.arn,
          ingestEndpoint: channel.ingestEndpoint,
          playbackUrl: channel.playbackUrl,
          streamKeyArn: keyArn ?? null,
        };
      } else {
        const { channel, streamKey } = await aws.ivs.createChannel(name, this.config.ivsChannelType, {
          "foyer:session": sessionId,
        });
        fields = {
          channelArn: channel.arn,
          ingestEndpoint: channel.ingestEndpoint,
          playbackUrl: channel.playbackUrl,
          streamKeyArn: streamKey.arn,
        };
      }
      const row = await markChannelReady(this.db, sessionId, fields, Date.now());
      if (!isReady(row)) throw new Error(`media_channels row for ${sessionId} vanished while creating its channel`);
      return row;
    } catch (err) {
      // Give the claim back so the next request can try again (and adopt anything we created).
      await dropChannelClaim(this.db, sessionId);
      throw err instanceof AwsError ? mediaApiError(err, "set up the stage video") : err;
    }
  }

  /** Links an existing channel (made in the IVS console) to a stage; Foyer will never delete it. */
  async link(sessionId: string, channelArn: string): Promise<ReadyChannel> {
    const aws = this.requireAws();
    let fields: Pick<MediaChannelRow, "channelArn" | "ingestEndpoint" | "playbackUrl" | "streamKeyArn">;
    try {
      const channel = await aws.ivs.getChannel(channelArn);
      const [keyArn] = await aws.ivs.streamKeyArns(channel.arn);
      fields = {
        channelArn: channel.arn,
        ingestEndpoint: channel.ingestEndpoint,
        playbackUrl: channel.playbackUrl,
        streamKeyArn: keyArn ?? null,
      };
    } catch (err) {
      if (err instanceof AwsError && err.status === 404) {
        throw new ApiError(422, ErrorCode.validation, "There is no IVS channel with that ARN in this region.", {
          channelArn: "not found",
        });
      }
      throw mediaApiError(err, "set up the stage video");
    }
    await this.release(sessionId);
    const row = await insertLinkedChannel(this.db, sessionId, fields);
    return row as ReadyChannel;
  }

  /**
   * Releases the stage's channel: deletes it when Foyer created it, only forgets it when it was
   * linked. Call this before deleting a stage session. A channel that is live cannot be deleted
   * (IVS answers 409): the producer has to stop the broadcast first.
   */
  async release(sessionId: string): Promise<{ released: "deleted" | "unlinked" | "none" }> {
    const row = await findChannel(this.db, sessionId);
    if (!row) return { released: "none" };
    if (row.owned && row.channelArn) {
      const aws = this.requireAws();
      try {
        await aws.ivs.deleteChannel(row.channelArn);
      } catch (err) {
        if (err instanceof AwsError && err.code === "ConflictException") {
          throw new ApiError(
            409,
            ErrorCode.conflict,
            "The stage is broadcasting. Stop the stream in the encoder, then release the channel.",
          );
        }
        if (!(err instanceof AwsError && err.status === 404)) throw mediaApiError(err, "release the stage video");
      }
    }
    await deleteChannel(this.db, sessionId);
    return { released: row.owned ? "deleted" : "unlinked" };
  }

  private requireAws(): MediaAws {
    if (!this.aws)
      throw new ApiError(
        409,
        ErrorCode.conflict,
        "Stage channels need MEDIA_PROVIDER=aws; locally the stage plays the bundled sample.",
      );
    return this.aws;
  }
}

function requireStage(session: ProgrammeSessionRow): void {
  if (session.kind !== "stage") throw new ApiError(409, ErrorCode.conflict, "Only stages have stage video.");
}
