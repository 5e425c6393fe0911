/**
 * HTTP shapes of the interactions' organizer API and reports. Types only (the client may import
 * them): no runtime code, no Workers types.
 */
import type { CloudWord, PollDefinition, PollKind, QaStatus, QuizDefinition, WordcloudDefinition } from "../protocol";
import type { DeviceClass } from "../protocol/hello";
import type { Role } from "../protocol/identity";

export const PreparedKinds = ["poll", "quiz", "wordcloud"] as const;
export type PreparedKind = (typeof PreparedKinds)[number];

/** A poll, quiz or word cloud an organizer prepared for a session; moderators open it live. */
export type PreparedInteraction =
  | { id: string; sessionId: string; kind: "poll"; definition: PollDefinition; position: number }
  | { id: string; sessionId: string; kind: "quiz"; definition: QuizDefinition; position: number }
  | { id: string; sessionId: string; kind: "wordcloud"; definition: WordcloudDefinition; position: number };

export interface QuizScore {
  rank: number;
  registrationId: string;
  name: string;
  points: number;
  correct: number;
}

/** Final (or, while still running, latest) results of one interaction, as written to D1. */
export type InteractionResult =
  | { type: "poll"; question: string; kind: PollKind; options: string[]; counts: number[]; voters: number }
  | { type: "quiz"; title: string; questionCount: number; scores: QuizScore[] }
  | { type: "wordcloud"; prompt: string; words: CloudWord[]; entries: number; contributors: number };

export interface QuestionReport {
  questionId: string;
  text: string;
  /** Null for anonymous questions: the report does not unmask them either. */
  authorName: string | null;
  status: QaStatus;
  votes: number;
  askedAt: number;
  answeredAt: number | null;
}

export interface AttendanceVisit {
  visitId: number;
  registrationId: string;
  role: Role;
  device: DeviceClass;
  joinedAt: number;
  /** Null while the person is still here. */
  leftAt: number | null;
}

export interface SessionResultsResponse {
  sessionId: string;
  results: { interactionId: string; title: string; closedAt: number | null; result: InteractionResult }[];
  questions: QuestionReport[];
}

export interface AttendanceResponse {
  sessionId: string;
  visits: AttendanceVisit[];
  /** Distinct people who joined at least once. */
  people: number;
}
