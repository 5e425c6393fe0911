import * as v from "valibot";
import { EntityId, MutationId, Text, type Sequenced } from "./common";
import { itemFrames, targetFrame, type ItemRemovedEvent, type ItemStatus, type ItemUpsertEvent } from "./items";
import { QuizQuestionTranslations, QuizTranslations } from "./item-texts";
import { Limits } from "./limits";
import type { WireFrame } from "./wire";

export const QuizQuestionDefinition = v.strictObject({
  text: Text(Limits.quizQuestionChars),
  options: v.pipe(
    v.array(Text(Limits.quizOptionChars)),
    v.minLength(Limits.quizMinOptions),
    v.maxLength(Limits.quizMaxOptions),
  ),
  /** Index of the right option. */
  correct: v.pipe(v.number(), v.integer(), v.minValue(0)),
  seconds: v.pipe(v.number(), v.integer(), v.minValue(Limits.quizMinSeconds), v.maxValue(Limits.quizMaxSeconds)),
  /** The question and its options in the event's other languages. */
  translations: QuizQuestionTranslations,
});
export type QuizQuestionDefinition = v.InferOutput<typeof QuizQuestionDefinition>;

export const QuizDefinition = v.strictObject({
  title: Text(Limits.quizTitleChars),
  questions: v.pipe(v.array(QuizQuestionDefinition), v.minLength(1), v.maxLength(Limits.quizMaxQuestions)),
  /** The title in the event's other languages. */
  translations: QuizTranslations,
});
export type QuizDefinition = v.InferOutput<typeof QuizDefinition>;

/** A quiz is started (not opened) and closes after its last question: it has no `quiz/open` or `quiz/close`. */
const QuizItem = itemFrames("quiz", QuizDefinition);
export const QuizCreateFrame = QuizItem.create;
export type QuizCreateFrame = v.InferOutput<typeof QuizCreateFrame>;
/** Moderator: start the quiz with its first question. */
export const QuizStartFrame = targetFrame("quiz/start", "quizId");
export type QuizStartFrame = v.InferOutput<typeof QuizStartFrame>;
/** Moderator: end the current question before its time is up. */
export const QuizLockFrame = targetFrame("quiz/lock", "quizId");
export type QuizLockFrame = v.InferOutput<typeof QuizLockFrame>;
/** Moderator: after a question's answer is shown, go to the next one (or finish after the last). */
export const QuizNextFrame = targetFrame("quiz/next", "quizId");
export type QuizNextFrame = v.InferOutput<typeof QuizNextFrame>;
export const QuizVisibilityFrame = QuizItem.visibility;
export type QuizVisibilityFrame = v.InferOutput<typeof QuizVisibilityFrame>;
export const QuizDeleteFrame = QuizItem.delete;
export type QuizDeleteFrame = v.InferOutput<typeof QuizDeleteFrame>;

/** One answer per question and person; it cannot be changed (speed counts). */
export const QuizAnswerFrame = v.strictObject({
  type: v.literal("quiz/answer"),
  id: MutationId,
  quizId: EntityId,
  question: v.pipe(v.number(), v.integer(), v.minValue(0)),
  choice: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
export type QuizAnswerFrame = v.InferOutput<typeof QuizAnswerFrame>;

export const QuizFrames = [
  QuizCreateFrame,
  QuizStartFrame,
  QuizLockFrame,
  QuizNextFrame,
  QuizVisibilityFrame,
  QuizDeleteFrame,
  QuizAnswerFrame,
] as const;
export type QuizFrame =
  | QuizCreateFrame
  | QuizStartFrame
  | QuizLockFrame
  | QuizNextFrame
  | QuizVisibilityFrame
  | QuizDeleteFrame
  | QuizAnswerFrame;

export const QuizPhases = ["answering", "revealed"] as const;
export type QuizPhase = (typeof QuizPhases)[number];

export interface QuizCurrentQuestion {
  index: number;
  text: string;
  options: string[];
  seconds: number;
  startedAt: number;
  /** Server time (epoch ms) when answers lock. */
  deadline: number;
  phase: QuizPhase;
  /** Once revealed: the right option and how many chose each option. */
  correct?: number;
  counts?: number[];
  translations?: QuizQuestionDefinition["translations"];
}

export interface LeaderboardEntry {
  rank: number;
  name: string;
  points: number;
  correct: number;
}

export interface QuizView {
  id: string;
  title: string;
  translations?: QuizDefinition["translations"];
  status: ItemStatus;
  visible: boolean;
  shownAt: number | null;
  questionCount: number;
  current: QuizCurrentQuestion | null;
  /** People who answered the current question so far. */
  answered: number;
  /** Top ten after the latest revealed question. */
  leaderboard: LeaderboardEntry[];
  /** People with at least one answer. */
  players: number;
  /** Staff only: the questions with their right answers. */
  questions?: QuizQuestionDefinition[];
}

export interface QuizStanding {
  quizId: string;
  points: number;
  /** Null until this person has an answer in a revealed question. */
  rank: number | null;
  players: number;
  correct: number;
  /** Question index → the option this person chose. */
  answers: Record<number, number>;
}

export type QuizUpsertEvent = ItemUpsertEvent<"quiz", QuizView>;
export type QuizRemovedEvent = ItemRemovedEvent<"quiz">;
/** How many answered the current question, at most four updates a second. */
export type QuizProgressEvent = Sequenced<"quiz/progress", { quizId: string; answered: number }>;
export type QuizEvent = QuizUpsertEvent | QuizRemovedEvent | QuizProgressEvent;

/** Personal: this person's score and rank, after each revealed question. */
export type QuizStandingFrame = WireFrame<"quiz/standing", { standing: QuizStanding }>;
