import { clock } from "../features/clock";
import { rtc } from "../features/rtc";
import { defineObject, personalStateOf, snapshotOf } from "../runtime/plan";
import { SessionKinds } from "../../core/protocol/identity";
import { carousel } from "./features/carousel";
import { chat } from "./features/chat";
import { hello } from "./features/hello";
import { prepared, type PreparedSpecs } from "./features/items/prepared";
import { media } from "./features/media";
import { nav } from "./features/nav";
import { poll } from "./features/poll";
import { pollItems } from "./features/poll/handler";
import { presence } from "./features/presence";
import { qa } from "./features/qa";
import { quiz } from "./features/quiz";
import { quizItems } from "./features/quiz/handler";
import { reaction } from "./features/reaction";
import { reports } from "./features/reports";
import { stagedoor } from "./features/stagedoor";
import { wordcloud } from "./features/wordcloud";
import { cloudItems } from "./features/wordcloud/handler";
import { sessionKind, sessionMetaMigrations } from "./kind";
import { settingsMigrations } from "./settings";

/**
 * The programme session's live features (stage, breakout, carousel, stream room). A new feature
 * is its folder under features/ and one line here; the compiler then asks for whatever the
 * session's snapshot, personal state and frames still miss (see `hello` below and frames.ts).
 */
/** The kinds an organizer can prepare ahead, as drafts (the compiler asks for each). */
export const preparedKinds: PreparedSpecs = { poll: pollItems, quiz: quizItems, wordcloud: cloudItems };

const parts = [presence, chat, qa, reaction, poll, quiz, wordcloud, nav, stagedoor] as const;

export const sessionFeatures = [
  // The handshake sends every feature's part of the snapshot and of the person's own state.
  hello({ snapshot: snapshotOf(parts), me: personalStateOf(parts) }),
  clock,
  rtc(sessionKind),
  media,
  ...parts,
  prepared(preparedKinds),
  reports,
  carousel,
] as const;

export const sessionObject = defineObject({
  kinds: SessionKinds,
  // The session's settings (chat, Q&A and reactions switches) and its kind and stage status.
  migrations: [...settingsMigrations, ...sessionMetaMigrations],
  features: sessionFeatures,
});
