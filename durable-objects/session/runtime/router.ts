import type { ClientFrame } from "../protocol";
import { onClockPing } from "../handlers/clock";
import { onHello } from "../handlers/hello";
import { onRtcEnd, onRtcJoin, onRtcLeave, onRtcMedia, onRtcRemove, onRtcSignal } from "../handlers/rtc";
import { onStageSubscribe } from "../handlers/stage";
import type { FrameContext } from "./context";

/** One case per client frame type; the compiler refuses a type without a handler. */
export function route(frame: ClientFrame, fc: FrameContext): void | Promise<void> {
  switch (frame.type) {
    case "hello":
      return onHello(frame, fc);
    case "clock/ping":
      return onClockPing(frame, fc);
    case "rtc/join":
      return onRtcJoin(frame, fc);
    case "rtc/leave":
      return onRtcLeave(frame, fc);
    case "rtc/signal":
      return onRtcSignal(frame, fc);
    case "rtc/media":
      return onRtcMedia(frame, fc);
    case "rtc/remove":
      return onRtcRemove(frame, fc);
    case "rtc/end":
      return onRtcEnd(frame, fc);
    case "stage/subscribe":
      return onStageSubscribe(frame, fc);
    default:
      return frame satisfies never;
  }
}
