import { getConfig } from "../../../server/config";
import { ErrorFrameCode, type StageStatusFrame, type StageSubscribeFrame } from "../../../core/protocol";
import type { FrameContext } from "../../runtime/context";
import { send } from "../../runtime/send";
import { wakeMediaWithin } from "../features/media-alarm";
import { sessionKind } from "../features/media-store";
import { currentStageStatus } from "../features/stage-status";

/** A viewer asks for the stage status: answer now, and make sure the IVS poll is running. */
export async function onStageSubscribe(_frame: StageSubscribeFrame, { room, ws }: FrameContext): Promise<void> {
  if ((await sessionKind(room)) !== "stage") {
    return send(ws, { type: "error", code: ErrorFrameCode.notFound, message: "This session is not a stage." });
  }
  const status = await currentStageStatus(room);
  send(ws, { type: "stage/status", ...status } satisfies StageStatusFrame);
  if (getConfig(room.env).media === "aws") await wakeMediaWithin(room, 0);
}
