import type {
  ChatMessage,
  HandEntry,
  MatrixView,
  MyState,
  PersonRef,
  PollView,
  PresencePerson,
  QaQuestion,
  QuizView,
  ServerFrame,
  SessionEvent,
  SessionSnapshot,
  WelcomeFrame,
  WordcloudView,
} from "../../../../core/protocol";
import { applyChat } from "../chat/state";
import { applyHand } from "../hand/state";
import { applyPoll } from "../poll/state";
import { applyPresence } from "../presence/state";
import { applyQa } from "../qa/state";
import { applyQuiz } from "../quiz/state";
import { applyWordcloud } from "../wordcloud/state";
import { mergeBy, mergeById, mergeInto } from "./upsert";

/** Messages the page keeps; older ones scroll out (the server keeps them all). */
export const CHAT_KEEP = 200;

export interface ReactionBurst {
  id: number;
  counts: Record<string, number>;
}

/** The live session as this page knows it. Plain data: the reducers below are pure. */
export interface SessionState {
  /** A snapshot (or replay) has been applied since the page loaded. */
  ready: boolean;
  /** The newest event applied; events at or below it are skipped (they came twice). */
  seq: number;
  you: WelcomeFrame["you"] | null;
  /** Server clock minus this clock (ms), for countdowns. */
  clockOffset: number;
  presence: { count: number; people: Record<string, PresencePerson> };
  chat: { enabled: boolean; messages: ChatMessage[]; muted: PersonRef[] };
  qa: { enabled: boolean; requireApproval: boolean; questions: QaQuestion[]; highlighted: string | null };
  reactions: { enabled: boolean; bursts: ReactionBurst[] };
  polls: PollView[];
  quizzes: QuizView[];
  wordclouds: WordcloudView[];
  blockedWords: string[];
  /** A moderator's "everyone to …" in this session (see durable-objects/session/features/nav/handler.ts). */
  nav: { to: string | null; at: number | null };
  /** Staff only: the raise-hand queue, waiting and live. */
  hands: HandEntry[];
  /** Staff only: the participants matrix of this session's output. */
  matrix: MatrixView | null;
  me: MyState;
}

export const emptyMe = (): MyState => ({
  chatMuted: false,
  qa: { upvoted: [], asked: [] },
  polls: {},
  quizzes: {},
  words: {},
  hand: { status: "none" },
  matrix: { shown: false, by: null },
});

export const emptyState = (): SessionState => ({
  ready: false,
  seq: 0,
  you: null,
  clockOffset: 0,
  presence: { count: 0, people: {} },
  chat: { enabled: true, messages: [], muted: [] },
  qa: { enabled: true, requireApproval: false, questions: [], highlighted: null },
  reactions: { enabled: true, bursts: [] },
  polls: [],
  quizzes: [],
  wordclouds: [],
  blockedWords: [],
  nav: { to: null, at: null },
  hands: [],
  matrix: null,
  me: emptyMe(),
});

function applySnapshot(s: SessionState, seq: number, snap: SessionSnapshot): void {
  s.ready = true;
  s.seq = seq;
  s.presence = { count: snap.presence.count, people: Object.fromEntries((snap.presence.people ?? []).map((p) => [p.registrationId, p])) };
  // A snapshot after a reconnect describes mostly what the page already shows: items it already
  // has are updated in place, so their views (and whatever a person was typing in them) stay.
  s.chat = { enabled: snap.chat.enabled, messages: mergeById(s.chat.messages, snap.chat.messages.slice(-CHAT_KEEP)), muted: snap.chat.muted ?? [] };
  s.qa = { enabled: snap.qa.enabled, requireApproval: snap.qa.requireApproval, questions: mergeById(s.qa.questions, snap.qa.questions), highlighted: snap.qa.highlighted };
  s.reactions = { enabled: snap.reactions.enabled, bursts: [] };
  s.polls = mergeById(s.polls, snap.polls);
  s.quizzes = mergeById(s.quizzes, snap.quizzes);
  s.wordclouds = mergeById(s.wordclouds, snap.wordclouds);
  s.blockedWords = snap.blockedWords ?? [];
  s.nav = snap.nav;
  s.hands = mergeBy(s.hands, snap.hands ?? [], (h) => h.registrationId);
  applyMatrix(s, snap.matrix ?? null);
}

/**
 * The matrix is sent whole on every change and on its periodic look for arrivals; its tiles keep
 * their identity by person, so the output page's videos are never rebuilt (a blank on air).
 */
function applyMatrix(s: SessionState, next: MatrixView | null): void {
  if (!next || !s.matrix) {
    s.matrix = next;
    return;
  }
  s.matrix = mergeInto(s.matrix, { ...next, tiles: mergeBy(s.matrix.tiles, next.tiles, (x) => `${x.sessionId}/${x.registrationId}`) });
}

/** One sequenced event, applied once: a repeat (live and replayed) is skipped by its number. */
export function applyEvent(s: SessionState, e: SessionEvent): void {
  if (e.seq <= s.seq) return;
  s.seq = e.seq;
  switch (e.type) {
    case "chat/message":
    case "chat/deleted":
    case "chat/configured":
    case "chat/muted":
      return applyChat(s, e);
    case "qa/question":
    case "qa/removed":
    case "qa/votes":
    case "qa/highlighted":
    case "qa/configured":
      return applyQa(s, e);
    case "poll/upsert":
    case "poll/removed":
    case "poll/tally":
      return applyPoll(s, e);
    case "quiz/upsert":
    case "quiz/removed":
    case "quiz/progress":
      return applyQuiz(s, e);
    case "wordcloud/upsert":
    case "wordcloud/removed":
    case "wordcloud/words":
    case "wordcloud/blocklist":
      return applyWordcloud(s, e);
    case "reaction/configured":
      s.reactions.enabled = e.enabled;
      return;
    case "presence/people":
      return applyPresence(s, e);
    case "nav/sent":
      s.nav = { to: e.to, at: e.at };
      return;
    case "hand/upsert":
    case "hand/removed":
      return applyHand(s, e);
    case "matrix/state":
      return applyMatrix(s, e.matrix);
    default:
      return e satisfies never;
  }
}

let burstIds = 0;

/** Applies any server frame to the state (acks and errors are the mutation queue's business). */
export function applyFrame(s: SessionState, f: ServerFrame, now: number = Date.now()): void {
  switch (f.type) {
    case "welcome":
      s.you = f.you;
      s.clockOffset = f.serverTime - now;
      return;
    case "snapshot":
      return applySnapshot(s, f.seq, f.state);
    case "batch":
      s.ready = true;
      for (const e of f.events) applyEvent(s, e);
      return;
    case "me":
      s.me = f.me;
      // A replay with nothing missed sends no batch: the state the page has is current.
      s.ready = true;
      return;
    case "presence/count":
      s.presence.count = f.count;
      return;
    case "reaction/burst":
      s.reactions.bursts = [...s.reactions.bursts.slice(-5), { id: ++burstIds, counts: f.counts }];
      return;
    case "chat/mute-state":
      s.me.chatMuted = f.muted;
      return;
    case "qa/mine":
      s.me.qa.asked = s.me.qa.asked.some((q) => q.id === f.question.id)
        ? s.me.qa.asked.map((q) => (q.id === f.question.id ? f.question : q))
        : [...s.me.qa.asked, f.question];
      return;
    case "quiz/standing":
      s.me.quizzes[f.standing.quizId] = f.standing;
      return;
    case "hand/mine":
      s.me.hand = f.hand;
      return;
    case "matrix/shown":
      s.me.matrix = { shown: f.shown, by: f.by };
      return;
    case "ack":
    case "error":
    case "clock/pong":
      return;
    // Calls and the stage player listen to the socket themselves.
    case "rtc/joined":
    case "rtc/peer-joined":
    case "rtc/peer-left":
    case "rtc/signal":
    case "rtc/media":
    case "rtc/removed":
    case "rtc/ended":
    case "stage/status":
      return;
    // The hub and the carousel keep their own state (features/hub, features/carousel).
    case "invite/you":
    case "invite/notice":
    case "carousel/state":
    case "carousel/you":
    case "carousel/contacts":
      return;
    default:
      return applyEvent(s, f);
  }
}
