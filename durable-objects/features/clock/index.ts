import type { ClockPongFrame } from "../../../core/protocol";
import { defineFeature } from "../../runtime/feature";
import { send } from "../../runtime/send";

/** Clock sync, in every room: quizzes, carousel rounds and invitations count down on it. */
export const clock = defineFeature({
  name: "clock",
  frames: {
    "clock/ping": (frame, { ws, room }) =>
      send(ws, { type: "clock/pong", t: frame.t, serverTime: room.now() } satisfies ClockPongFrame),
  },
});
