import type { ClockPingFrame, ClockPongFrame } from "../../../core/protocol";
import type { FrameContext } from "../../runtime/context";
import { send } from "../../runtime/send";

export function onClockPing(frame: ClockPingFrame, { ws, room }: FrameContext): void {
  send(ws, { type: "clock/pong", t: frame.t, serverTime: room.now() } satisfies ClockPongFrame);
}
