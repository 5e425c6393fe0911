import type { StageLive, StreamHealth } from "../../core/contract/live";
import type { Config } from "../config";
import type { Db } from "../db/client";
import type { ProgrammeSessionRow } from "../db/schema";
import { mediaAws } from "../media/aws";
import { StageService } from "../media/stage-service";
import { TtlCache } from "./ttl-cache";

/**
 * GetStream answers are kept this long per channel, per isolate: a control room open in five tabs
 * (each refreshing every few seconds) then costs IVS about one call per channel per interval,
 * well inside GetStream's rate limit, and the figures are at most this old.
 */
export const STREAM_CACHE_MS = 4_000;

const streams = new TtlCache<string, StageLive>(STREAM_CACHE_MS);

const healthOf = (h: "HEALTHY" | "STARVING" | "UNKNOWN"): StreamHealth =>
  h === "HEALTHY" ? "healthy" : h === "STARVING" ? "starving" : "unknown";

/**
 * A stage's video as the control room shows it. Never throws: an AWS failure is `unknown`, so a
 * throttled IVS account does not take the control room down with it.
 */
export async function stageLive(
  db: Db,
  config: Config,
  session: ProgrammeSessionRow,
  now = Date.now(),
): Promise<StageLive> {
  if (session.streamUrl) return { source: "url" };
  const aws = mediaAws(config);
  if (!aws) return { source: "local" };
  const channel = await new StageService(db, config).channel(session.id).catch(() => undefined);
  if (!channel) return { source: "ivs", state: "no-channel", health: "unknown", viewers: null };
  return streams.get(
    channel.channelArn,
    async () => {
      try {
        const stream = await aws.ivs.streamSummary(channel.channelArn);
        if (!stream) return { source: "ivs", state: "offline", health: "unknown", viewers: null };
        return {
          source: "ivs",
          state: stream.state === "LIVE" ? "live" : "offline",
          health: healthOf(stream.health),
          viewers: stream.viewerCount,
        };
      } catch (err) {
        console.error(`control room: GetStream for ${session.id} failed`, err);
        return { source: "ivs", state: "unknown", health: "unknown", viewers: null };
      }
    },
    now,
  );
}
