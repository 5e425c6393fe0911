import { defineFeature } from "../../../runtime/feature";
import { MEDIA_ALARM } from "../../../features/rtc/calls";
import { onStageSubscribe, pollStage } from "./stage";

/**
 * Media in a programme session beyond its calls (those are the rtc feature's): the stage's
 * broadcast status, polled from IVS on the media alarm while anyone watches. Playback URLs and
 * stream keys are the HTTP API's; they never travel over the socket.
 */
export const media = defineFeature({
  name: "media",
  frames: { "stage/subscribe": onStageSubscribe },
  alarms: { [MEDIA_ALARM]: pollStage },
});
