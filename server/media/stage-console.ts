import type { Config } from "../config";
import type { AdminStageMedia, AdminStageStatus, StageKeyReveal, StageKeyRotated } from "../../core/contract/media";
import type { Db } from "../db/client";
import { channelsOf, setChannelKey } from "../db/media";
import type { MediaChannelRow, ProgrammeSessionRow } from "../db/schema";
import { ApiError, ErrorCode } from "../errors";
import { AwsError } from "../providers/aws/errors";
import { mediaApiError } from "./aws-errors";
import { mediaAws, type MediaAws } from "./aws";
import { SAMPLE_PLAYBACK_URL, StageService, type ReadyChannel } from "./stage-service";

export const ingestServerOf = (channel: Pick<ReadyChannel, "ingestEndpoint">) =>
  `rtmps://${channel.ingestEndpoint}:443/app/`;

/**
 * What the organizer console shows and does for a stage's video: the list (never a key), the
 * explicit reveal of the encoder settings, rotating the key, and the live status. Apart from
 * StageService, which viewers and producers reach, so nothing here runs on a viewer's request.
 */
export class StageConsole {
  private readonly aws: MediaAws | undefined;
  private readonly stages: StageService;

  constructor(
    private readonly db: Db,
    private readonly config: Config,
  ) {
    this.aws = mediaAws(config);
    this.stages = new StageService(db, config);
  }

  /** A stage's own HLS URL wins in every mode (as StageService.playback decides). */
  private sourceOf(session: ProgrammeSessionRow): AdminStageMedia["source"] {
    if (session.streamUrl) return "stream-url";
    return this.aws ? "ivs" : "sample";
  }

  private absolute(url: string): string {
    return new URL(url, this.config.publicUrl).toString();
  }

  async list(sessions: readonly ProgrammeSessionRow[]): Promise<AdminStageMedia[]> {
    const stages = sessions.filter((s) => s.kind === "stage");
    const rows = new Map(
      (
        await channelsOf(
          this.db,
          stages.map((s) => s.id),
        )
      ).map((r) => [r.sessionId, r]),
    );
    return stages.map((s) => this.view(s, rows.get(s.id)));
  }

  view(session: ProgrammeSessionRow, row: MediaChannelRow | undefined): AdminStageMedia {
    const source = this.sourceOf(session);
    const ready = row?.state === "ready" && row.channelArn && row.ingestEndpoint && row.playbackUrl;
    const channel = ready
      ? { channelArn: row.channelArn!, ingestServer: ingestServerOf(row as ReadyChannel), owned: row.owned }
      : null;
    const playbackUrl =
      source === "stream-url"
        ? session.streamUrl!
        : source === "sample"
          ? this.absolute(SAMPLE_PLAYBACK_URL)
          : (channel && row?.playbackUrl) || null;
    return { sessionId: session.id, source, playbackUrl, channel };
  }

  /** The encoder settings. IVS's own list is asked (not our stored ARN), so a key reset elsewhere is found. */
  async reveal(session: ProgrammeSessionRow): Promise<StageKeyReveal> {
    const { aws, channel } = await this.ivsChannel(session);
    try {
      const [keyArn] = await aws.ivs.streamKeyArns(channel.channelArn);
      if (!keyArn) throw noKey();
      const key = await aws.ivs.getStreamKey(keyArn);
      return { channelArn: channel.channelArn, ingestServer: ingestServerOf(channel), streamKey: key.value };
    } catch (err) {
      throw err instanceof ApiError ? err : mediaApiError(err, "read the stage's stream key");
    }
  }

  /**
   * A new stream key; the old one stops letting an encoder connect (a broadcast already running
   * goes on until it stops). IVS allows one key per channel, so the old keys go first; if the
   * creation then fails the channel has no key, which the stored ARN says (null) and the next
   * rotation repairs by only creating.
   */
  async rotate(session: ProgrammeSessionRow): Promise<StageKeyRotated> {
    const { aws, channel } = await this.ivsChannel(session);
    try {
      for (const arn of await aws.ivs.streamKeyArns(channel.channelArn)) {
        try {
          await aws.ivs.deleteStreamKey(arn);
        } catch (err) {
          if (!(err instanceof AwsError && err.status === 404)) throw err;
        }
      }
      await setChannelKey(this.db, session.id, null, Date.now());
      const key = await aws.ivs.createStreamKey(channel.channelArn);
      const now = Date.now();
      await setChannelKey(this.db, session.id, key.arn, now);
      return { channelArn: channel.channelArn, rotatedAt: new Date(now).toISOString() };
    } catch (err) {
      throw mediaApiError(err, "rotate the stream key");
    }
  }

  async status(session: ProgrammeSessionRow): Promise<AdminStageStatus> {
    const checkedAt = new Date().toISOString();
    const source = this.sourceOf(session);
    if (source !== "ivs" || !this.aws) return { source: source === "stream-url" ? "stream-url" : "sample", checkedAt };
    const channel = await this.stages.channel(session.id);
    if (!channel) return { source: "ivs", state: "no-channel", checkedAt };
    let stream: Awaited<ReturnType<MediaAws["ivs"]["stream"]>>;
    try {
      stream = await this.aws.ivs.stream(channel.channelArn);
    } catch (err) {
      throw mediaApiError(err, "read the stage's status");
    }
    if (stream?.state !== "LIVE") return { source: "ivs", state: "offline", checkedAt };
    return {
      source: "ivs",
      state: "live",
      health: stream.health ?? "UNKNOWN",
      viewerCount: typeof stream.viewerCount === "number" && stream.viewerCount >= 0 ? stream.viewerCount : null,
      startedAt: stream.startTime,
      checkedAt,
    };
  }

  private async ivsChannel(session: ProgrammeSessionRow): Promise<{ aws: MediaAws; channel: ReadyChannel }> {
    if (session.kind !== "stage") throw new ApiError(409, ErrorCode.conflict, "Only stages have stage video.");
    if (!this.aws || session.streamUrl)
      throw new ApiError(
        409,
        ErrorCode.conflict,
        "This stage plays an HLS URL, not an IVS channel: it has no stream key and needs no encoder here.",
      );
    const channel = await this.stages.channel(session.id);
    if (!channel)
      throw new ApiError(409, ErrorCode.conflict, "This stage has no IVS channel yet. Create or link one first.");
    return { aws: this.aws, channel };
  }
}

const noKey = () =>
  new ApiError(409, ErrorCode.conflict, "This stage's IVS channel has no stream key. Rotate the key to make one.");
