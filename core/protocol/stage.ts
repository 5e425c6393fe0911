import * as v from "valibot";
import type { WireFrame } from "./wire";

/**
 * Stage status: whether the stage's broadcast is on. Viewers subscribe once after welcome; the
 * object answers with the current status and pushes every change (it polls IVS GetStream while
 * anyone is connected). Playback URLs come from the HTTP API; stream keys never travel here.
 */
export const StageSubscribeFrame = v.strictObject({ type: v.literal("stage/subscribe") });
export type StageSubscribeFrame = v.InferOutput<typeof StageSubscribeFrame>;

export const StageStatuses = ["live", "offline", "unknown"] as const;
export type StageStatusValue = (typeof StageStatuses)[number];

export type StageStatusFrame = WireFrame<"stage/status", { status: StageStatusValue; since: number | null }>;
