import { defineFeature } from "../../../runtime/feature";
import { serial } from "../../../runtime/serial";
import { retryGuests } from "./guests";
import { handSnapshot, myHandState, onHandLower, onHandModerate, onHandRaise } from "./hand";
import { matrixAlarm, matrixView, onMatrixConfigure, onMatrixPage, onMatrixRemove } from "./matrix";
import { myMatrix, onMatrixConsent } from "./matrix-source";
import { matrixMigrations } from "./matrix-store";
import { handMigrations, STAGEDOOR_ALARM } from "./store";

/**
 * The stage door: a participant raises a hand on a stage, a moderator approves them into the
 * stage's stream room (a call with the studio, free of the stream delay; guests.ts keeps the
 * room's guest list), and the participants matrix shows opted-in people's cameras on a producer's
 * output page (matrix.ts coordinates, matrix-source.ts shows people from each session).
 */
export const stagedoor = defineFeature({
  name: "stagedoor",
  frames: {
    "hand/raise": onHandRaise,
    "hand/lower": onHandLower,
    "hand/moderate": onHandModerate,
    "matrix/configure": onMatrixConfigure,
    "matrix/page": onMatrixPage,
    "matrix/remove": onMatrixRemove,
    "matrix/consent": onMatrixConsent,
  },
  migrations: [...handMigrations, ...matrixMigrations],
  snapshot: {
    /** Staff only: the raise-hand queue, waiting and live (a stage's). */
    hands: (room, staff) => (staff ? handSnapshot(room) : undefined),
    /** Staff only: the participants matrix this session's output shows. */
    matrix: (room, staff) => (staff ? matrixView(room) : undefined),
  },
  me: {
    hand: (room, who) => myHandState(room, who.registrationId),
    matrix: (room, who) => myMatrix(room, who.registrationId),
  },
  audience: { "hand/upsert": "staff", "hand/removed": "staff", "matrix/state": "staff" },
  alarms: {
    [STAGEDOOR_ALARM]: (room) =>
      serial(room, async () => {
        await retryGuests(room);
        await matrixAlarm(room);
      }),
  },
});
