import { chat } from "../chat/state";
import { hand } from "../hand/state";
import { matrix } from "../matrix/state";
import { nav } from "../nav/state";
import { poll } from "../poll/state";
import { presence } from "../presence/state";
import { qa } from "../qa/state";
import { quiz } from "../quiz/state";
import { reaction } from "../reaction/state";
import { wordcloud } from "../wordcloud/state";
import { combineSlices, type StateOf } from "./slice";

/**
 * The live features whose state the session keeps, one slice each (features/<feature>/state.ts).
 * A new live feature is its folder and one line here; the types refuse a list that leaves an
 * event or frame of the protocol unhandled, or handles one twice.
 */
export const slices = [presence, chat, qa, reaction, poll, quiz, wordcloud, nav, hand, matrix] as const;

/** Frames that reach the live connection but not this state: their features listen to the connection themselves. */
export const elsewhere = [
  // Calls (features/rtc) and the stage player (features/stage).
  "rtc/joined",
  "rtc/peer-joined",
  "rtc/peer-left",
  "rtc/signal",
  "rtc/media",
  "rtc/removed",
  "rtc/ended",
  "stage/status",
  // The hub and the carousel keep their own state (features/hub, features/carousel).
  "invite/you",
  "invite/notice",
  "carousel/state",
  "carousel/you",
  "carousel/contacts",
] as const;

/** The live session as this page knows it. Plain data: the reducers below are pure. */
export type SessionState = StateOf<typeof slices>;

export const { emptyState, emptyMe, applyEvent, applyFrame, applyAck } = combineSlices(slices, elsewhere);
