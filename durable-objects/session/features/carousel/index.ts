import { defineFeature } from "../../../runtime/feature";
import { CAROUSEL_ALARM, CAROUSEL_TICK, runCarouselAlarm } from "./engine";
import {
  onCarouselConfigure,
  onCarouselExtend,
  onCarouselHello,
  onCarouselJoin,
  onCarouselLeave,
  onCarouselSaveContact,
  onCarouselSocketClosed,
  onCarouselStart,
  onCarouselStop,
  onCarouselSubscribe,
} from "./handler";
import { carouselMigrations } from "./store";
import { stateFrame } from "./views";

/**
 * The carousel: people join, are paired for timed rounds (pairing.ts decides who meets whom),
 * may extend a meeting, and save each other's contact. Only in carousel sessions. Its views are
 * sent to each person directly (views.ts), not through the session's event log.
 */
export const carousel = defineFeature({
  name: "carousel",
  kinds: ["carousel"],
  frames: {
    "carousel/subscribe": onCarouselSubscribe,
    "carousel/join": onCarouselJoin,
    "carousel/leave": onCarouselLeave,
    "carousel/extend": onCarouselExtend,
    "carousel/save-contact": onCarouselSaveContact,
    "carousel/start": onCarouselStart,
    "carousel/stop": onCarouselStop,
    "carousel/configure": onCarouselConfigure,
  },
  migrations: carouselMigrations,
  // The shared view (clock and counts): once a tick however many people came and went.
  ticks: { [CAROUSEL_TICK]: (room) => room.sendEphemeral("all", stateFrame(room)) },
  alarms: { [CAROUSEL_ALARM]: runCarouselAlarm },
  afterHello: (fc) => {
    if (fc.ws.readyState === WebSocket.OPEN) onCarouselHello(fc);
  },
  socketClosed: (room, ws, who) => onCarouselSocketClosed(room, ws, who.registrationId),
});
