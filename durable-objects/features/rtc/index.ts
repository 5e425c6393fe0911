import { defineFeature } from "../../runtime/feature";
import { endIdleCalls, leaveCall, MEDIA_ALARM } from "./calls";
import { onRtcEnd, onRtcJoin, onRtcLeave, onRtcMedia, onRtcRemove, onRtcSignal, type PlaceOf } from "./handler";
import { rtcMigrations } from "./store";

/**
 * Calls inside a room: the roster, WebRTC signalling for the local mesh, moderators' removals,
 * and the end of a provider's meeting once its call stays empty. In programme sessions and in
 * the event hub alike; `placeOf` says which (admission differs: a 1:1 is for its two people only).
 */
export const rtc = (placeOf: PlaceOf) =>
  defineFeature({
    name: "rtc",
    frames: {
      "rtc/join": (frame, fc) => onRtcJoin(placeOf, frame, fc),
      "rtc/leave": onRtcLeave,
      "rtc/signal": onRtcSignal,
      "rtc/media": onRtcMedia,
      "rtc/remove": onRtcRemove,
      "rtc/end": onRtcEnd,
    },
    migrations: rtcMigrations,
    alarms: { [MEDIA_ALARM]: endIdleCalls },
    // Whoever was in a call on a closed socket has left it.
    socketClosed: (room, ws) => leaveCall(room, ws, "disconnected"),
  });
