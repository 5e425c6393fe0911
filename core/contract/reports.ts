/**
 * HTTP shapes of an event's reports (`/api/admin/events/:eventId/reports/…`). Types only: the
 * console imports them. Times are epoch milliseconds; `timezone` is the event's, for display and
 * for where a day begins.
 */
import type { DeviceClass } from "../protocol/hello";
import type { Role, SessionKind } from "../protocol/identity";
import type { QaStatus } from "../protocol/qa";

/** What the session objects count per person (a running total per session). */
export const ActivityKinds = ["chat", "question", "upvote", "vote", "answer", "word", "hand"] as const;
export type ActivityKind = (typeof ActivityKinds)[number];
export type ActivityCounts = Record<ActivityKind, number>;

export interface SessionAttendance {
  sessionId: string;
  title: string;
  kind: SessionKind;
  startsAt: number;
  endsAt: number;
  /** Distinct people who joined at least once. */
  people: number;
  /** Connections, and the stays they merge into (reconnects within a minute, second devices). */
  visits: number;
  stays: number;
  /** Most people at once (a person on two devices counts once), and when. */
  peak: number;
  peakAt: number | null;
  /** Time-weighted mean of people present during the session's scheduled time. */
  average: number;
  /** Total time people spent in the session, and per person who came. */
  watchedMs: number;
}

/** A session's concurrency chart: `points[i]` is the most people at once from `from + i × bucketMs`. */
export interface ConcurrencySeries {
  sessionId: string;
  from: number;
  bucketMs: number;
  points: number[];
}

export interface AttendanceReport {
  eventId: string;
  timezone: string;
  generatedAt: number;
  registered: number;
  /** Registrations with at least one visit to a session; the rest are no-shows. */
  came: number;
  noShows: number;
  /** People per device class they used (someone on a laptop and a phone counts in both). */
  devices: { device: DeviceClass; people: number }[];
  /** First arrivals at the event, per bucket of the event's clock. */
  arrivals: { at: number; count: number }[];
  arrivalBucketMs: number;
  /** Per local day of the event: who was there (a stay past midnight counts on both days). */
  days: { date: string; people: number; watchedMs: number }[];
  sessions: SessionAttendance[];
  concurrency: ConcurrencySeries[];
}

/** One stay: a person in a session from when to when. */
export interface StayRow {
  sessionId: string;
  sessionTitle: string;
  registrationId: string;
  name: string;
  email: string;
  from: number;
  to: number;
  visits: number;
  devices: DeviceClass[];
}

/** A person's attendance and engagement over the whole event. */
export interface PersonRow {
  registrationId: string;
  name: string;
  email: string;
  role: Role;
  firstArrival: number | null;
  sessions: number;
  watchedMs: number;
  devices: DeviceClass[];
  activity: ActivityCounts;
  /** Quiz points over every quiz of the event. */
  quizPoints: number;
  /** 1:1 video chats they were in (whoever invited), and carousel meetings (a pair or a trio). */
  chats: number;
  carouselMeetings: number;
}

export interface NoShowRow {
  registrationId: string;
  name: string;
  email: string;
  role: Role;
  registeredAt: number;
}

/** A table of rows with how many there are in all (the JSON shows the first `limit`; the CSV has all). */
export interface ReportPage<T> {
  items: T[];
  total: number;
}

export interface SessionEngagement {
  sessionId: string;
  title: string;
  kind: SessionKind;
  people: number;
  activity: ActivityCounts;
  /** People who did at least one thing (any activity). */
  active: number;
  questions: number;
  answeredQuestions: number;
  questionVotes: number;
  polls: number;
  pollVoters: number;
  quizzes: number;
  wordclouds: number;
  /** Carousel sessions: contacts exchanged (pairs who saved each other). */
  contacts: number;
}

export interface PollReport {
  sessionId: string;
  interactionId: string;
  question: string;
  voters: number;
  /** Of the people who were in the session. */
  participation: number | null;
  options: { label: string; votes: number }[];
}

export interface QuizReport {
  sessionId: string;
  interactionId: string;
  title: string;
  questionCount: number;
  scores: { rank: number; registrationId: string; name: string; points: number; correct: number }[];
}

export interface WordcloudReport {
  sessionId: string;
  interactionId: string;
  prompt: string;
  entries: number;
  contributors: number;
  words: { text: string; count: number }[];
}

export interface QuestionRow {
  sessionId: string;
  sessionTitle: string;
  text: string;
  authorName: string | null;
  status: QaStatus;
  votes: number;
  askedAt: number;
}

export type MeetingKind = "chat" | "carousel";

/**
 * Meetings in one place: the event's 1:1 chats (sessionId null: they start from the directory,
 * anywhere in the event, not in a programme session), or one carousel session's groups.
 */
export interface MeetingsRow {
  sessionId: string | null;
  /** The carousel session's title; empty for the 1:1 chats. */
  title: string;
  kind: MeetingKind;
  meetings: number;
  /** Distinct people who met someone there. */
  people: number;
}

export interface EngagementReport {
  eventId: string;
  timezone: string;
  generatedAt: number;
  sessions: SessionEngagement[];
  polls: PollReport[];
  quizzes: QuizReport[];
  wordclouds: WordcloudReport[];
  questions: QuestionRow[];
  /** The 1:1 chats first, then each carousel session in programme order. */
  meetings: MeetingsRow[];
}
