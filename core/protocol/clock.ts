import * as v from "valibot";
import type { WireFrame } from "./wire";

/**
 * Clock sync: the client sends its own time, the server answers with both, and the client
 * estimates the offset from the round trip. Quizzes and carousel rounds count down on it.
 */
export const ClockPingFrame = v.strictObject({
  type: v.literal("clock/ping"),
  t: v.number(),
});
export type ClockPingFrame = v.InferOutput<typeof ClockPingFrame>;

export type ClockPongFrame = WireFrame<"clock/pong", { t: number; serverTime: number }>;
