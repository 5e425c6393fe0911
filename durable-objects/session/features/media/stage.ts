import { getConfig } from "../../../../server/config";
import { database } from "../../../../server/db/client";
import { streamUrlOf as storedStreamUrl } from "../../../../server/db/sessions";
import { mediaAws } from "../../../../server/media/aws";
import { StageService } from "../../../../server/media/stage-service";
import {
  ErrorFrameCode,
  type StageStatusFrame,
  type StageStatusValue,
  type StageSubscribeFrame,
} from "../../../../core/protocol";
import type { FrameContext, RoomContext } from "../../../runtime/context";
import { send } from "../../../runtime/send";
import { wakeMediaWithin } from "../../../features/rtc/calls";
import { sessionKind } from "../../kind";
import { setStageStatus, stageStatus, type StoredStageStatus } from "./store";

/** GetStream every 10 s per watched stage: IVS's stream-state API is meant to be polled at about this pace. */
export const STAGE_POLL_MS = 10_000;
/** After an AWS failure: back off, a throttled account does not need more calls. */
export const STAGE_POLL_SLOW_MS = 30_000;

const streamUrlOf = (room: RoomContext): Promise<string | null> =>
  storedStreamUrl(database(room.env.DB), room.sessionId);

/** The status a new viewer gets before any poll: local samples are always on, external URLs unknown. */
export async function currentStageStatus(room: RoomContext): Promise<StoredStageStatus> {
  const stored = stageStatus(room);
  if (stored) return stored;
  const config = getConfig(room.env);
  const status: StageStatusValue = (await streamUrlOf(room)) ? "unknown" : config.media === "aws" ? "unknown" : "live";
  const initial = { status, since: status === "live" ? room.now() : null };
  setStageStatus(room, initial);
  return initial;
}

export function updateStageStatus(room: RoomContext, status: StageStatusValue): void {
  const before = stageStatus(room);
  if (before?.status === status) return;
  const next = { status, since: room.now() };
  setStageStatus(room, next);
  const frame = { type: "stage/status", ...next } satisfies StageStatusFrame;
  for (const ws of room.sockets()) send(ws, frame);
}

/** A viewer asks for the stage status: answer now, and make sure the IVS poll is running. */
export async function onStageSubscribe(_frame: StageSubscribeFrame, { room, ws }: FrameContext): Promise<void> {
  if ((await sessionKind(room)) !== "stage") {
    return send(ws, { type: "error", code: ErrorFrameCode.notFound, message: "This session is not a stage." });
  }
  const status = await currentStageStatus(room);
  send(ws, { type: "stage/status", ...status } satisfies StageStatusFrame);
  if (getConfig(room.env).media === "aws") wakeMediaWithin(room, 0);
}

/**
 * The media alarm's step for the stage: one poll of its IVS stream state, telling every client
 * when it changes, then the next poll is scheduled. It stops when nobody is connected or there is
 * nothing to poll; the next `stage/subscribe` starts it again.
 */
export async function pollStage(room: RoomContext): Promise<void> {
  const next = await pollStageStatus(room);
  if (next !== undefined) wakeMediaWithin(room, next);
}

/** One poll; returns the delay to the next one, or undefined to stop. */
export async function pollStageStatus(room: RoomContext): Promise<number | undefined> {
  if (room.sockets().length === 0 || (await sessionKind(room)) !== "stage") return undefined;
  const config = getConfig(room.env);
  const aws = mediaAws(config);
  if (!aws) return undefined;
  if (await streamUrlOf(room)) {
    updateStageStatus(room, "unknown");
    return undefined;
  }
  const channel = await new StageService(database(room.env.DB), config).channel(room.sessionId);
  if (!channel) {
    // The first viewer's page is creating the channel right now, or a producer will: look again soon.
    updateStageStatus(room, "offline");
    return STAGE_POLL_MS;
  }
  try {
    const state = await aws.ivs.streamState(channel.channelArn);
    updateStageStatus(room, state === "LIVE" ? "live" : "offline");
    return STAGE_POLL_MS;
  } catch (err) {
    // Keep the last known status: a throttled poll says nothing about the broadcast.
    console.error(`session ${room.sessionId}: GetStream failed`, err);
    return STAGE_POLL_SLOW_MS;
  }
}
