import type { ChatEvent, ChatSnapshot } from "./chat";
import type { NavSentEvent, NavSnapshot } from "./nav";
import type { HandEntry, HandEvent, MyHand } from "./hand";
import type { MatrixEvent, MatrixView, MyMatrix } from "./matrix";
import type { PollEvent, PollView } from "./poll";
import type { PresencePeopleEvent, PresencePerson } from "./presence";
import type { QaEvent, QaMine, QaSnapshot } from "./qa";
import type { QuizEvent, QuizStanding, QuizView } from "./quiz";
import type { ReactionConfiguredEvent } from "./reaction";
import type { WordcloudEvent, WordcloudView } from "./wordcloud";
import type { WireFrame } from "./wire";

/**
 * Every state change is a sequenced event. A client applies events in `seq` order and skips any
 * it has already seen, so the same event arriving live and in a replay is applied once.
 */
export type SessionEvent =
  | ChatEvent
  | QaEvent
  | PollEvent
  | QuizEvent
  | WordcloudEvent
  | ReactionConfiguredEvent
  | PresencePeopleEvent
  | NavSentEvent
  | HandEvent
  | MatrixEvent;
export type SessionEventType = SessionEvent["type"];

/** Several events in one frame: replays, and broadcasts that piled up within a few milliseconds. */
export type BatchFrame = WireFrame<"batch", { events: SessionEvent[] }>;

/** A mutation was applied. `duplicate`: it had been applied before (a resend), and nothing changed now. */
export type AckFrame = WireFrame<"ack", { ref: string; duplicate?: true; entityId?: string }>;

/** The whole session as the receiver may see it. */
export interface SessionSnapshot {
  presence: { count: number; people?: PresencePerson[] };
  chat: ChatSnapshot;
  qa: QaSnapshot;
  reactions: { enabled: boolean };
  polls: PollView[];
  quizzes: QuizView[];
  wordclouds: WordcloudView[];
  nav: NavSnapshot;
  /** Staff only: words moderators added to the word-cloud filter. */
  blockedWords?: string[];
  /** Staff only: the raise-hand queue, waiting and live (a stage's). */
  hands?: HandEntry[];
  /** Staff only: the participants matrix this session's output shows. */
  matrix?: MatrixView;
}

/** Sent instead of a replay when the client is new or too far behind. Events after `seq` follow. */
export type SnapshotFrame = WireFrame<"snapshot", { seq: number; state: SessionSnapshot }>;

/** What is this person's own: their votes, upvotes, entries, score, and whether they are muted. */
export interface MyState {
  chatMuted: boolean;
  qa: QaMine;
  /** Poll id → the options this person chose. */
  polls: Record<string, number[]>;
  quizzes: Record<string, QuizStanding>;
  /** Word cloud id → this person's entries, as they typed them. */
  words: Record<string, string[]>;
  /** Their raised hand: place in the queue, or live in the stream room. */
  hand: MyHand;
  /** Whether the participants matrix shows their camera now. */
  matrix: MyMatrix;
}

/** Sent after every welcome: personal state is recomputed, never replayed. */
export type MeFrame = WireFrame<"me", { me: MyState }>;
