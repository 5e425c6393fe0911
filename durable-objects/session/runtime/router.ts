import type { ClientFrame } from "../protocol";
import { onClockPing } from "../handlers/clock";
import { onHello } from "../handlers/hello";
import type { FrameContext } from "./context";

/** One case per client frame type; the compiler refuses a type without a handler. */
export function route(frame: ClientFrame, fc: FrameContext): void | Promise<void> {
  switch (frame.type) {
    case "hello":
      return onHello(frame, fc);
    case "clock/ping":
      return onClockPing(frame, fc);
    default:
      return frame satisfies never;
  }
}
