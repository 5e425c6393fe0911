import {
  type ActivityCounts,
  ActivityKinds,
  type AttendanceReport,
  type EngagementReport,
  type NoShowRow,
  type PersonRow,
  type StayRow,
} from "../../core/contract/reports";
import { zoneOffset } from "../../core/rules/attendance";

/**
 * The reports as tables for CSV: the same numbers as the JSON, one header row, times in the
 * event's time zone with their offset (a spreadsheet sorts them and a reader sees the event's
 * clock), durations in minutes.
 */
export type Table = string[][];

const minutes = (ms: number) => (Math.round(ms / 6_000) / 10).toString();
/**
 * "2026-03-01T23:20:00+01:00", as server/time.ts's toZonedIso writes it, but through the cached
 * formatter: a stays CSV writes hundreds of thousands of times, and a formatter made per time
 * costs seconds there.
 */
function time(at: number | null, tz: string): string {
  if (at === null) return "";
  const offset = zoneOffset(at, tz);
  const minutes = Math.round(offset / 60_000);
  const abs = Math.abs(minutes);
  const sign = minutes < 0 ? "-" : "+";
  const local = new Date(Math.floor(at / 1000) * 1000 + offset).toISOString().slice(0, 19);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}
const activityHeader = ActivityKinds.map((k) => `${k}_count`);
const activityCells = (a: ActivityCounts) => ActivityKinds.map((k) => String(a[k]));

export const AttendanceTables = ["sessions", "days", "devices", "arrivals", "concurrency"] as const;
export type AttendanceTable = (typeof AttendanceTables)[number];

export function attendanceTable(r: AttendanceReport, table: AttendanceTable): Table {
  const tz = r.timezone;
  switch (table) {
    case "sessions":
      return [
        [
          "session_id",
          "title",
          "kind",
          "starts_at",
          "ends_at",
          "people",
          "visits",
          "stays",
          "peak",
          "peak_at",
          "average",
          "minutes_watched",
        ],
        ...r.sessions.map((s) => [
          s.sessionId,
          s.title,
          s.kind,
          time(s.startsAt, tz),
          time(s.endsAt, tz),
          String(s.people),
          String(s.visits),
          String(s.stays),
          String(s.peak),
          time(s.peakAt, tz),
          String(s.average),
          minutes(s.watchedMs),
        ]),
      ];
    case "days":
      return [
        ["date", "people", "minutes_watched"],
        ...r.days.map((d) => [d.date, String(d.people), minutes(d.watchedMs)]),
      ];
    case "devices":
      return [["device", "people"], ...r.devices.map((d) => [d.device, String(d.people)])];
    case "arrivals":
      return [["from", "first_arrivals"], ...r.arrivals.map((a) => [time(a.at, tz), String(a.count)])];
    case "concurrency":
      return [
        ["session_id", "from", "most_people_at_once"],
        ...r.concurrency.flatMap((c) =>
          c.points.map((n, i) => [c.sessionId, time(c.from + i * c.bucketMs, tz), String(n)]),
        ),
      ];
    default:
      return table satisfies never;
  }
}

export const staysTable = (rows: readonly StayRow[], tz: string): Table => [
  ["session_id", "session", "registration_id", "name", "email", "from", "to", "minutes", "visits", "devices"],
  ...rows.map((s) => [
    s.sessionId,
    s.sessionTitle,
    s.registrationId,
    s.name,
    s.email,
    time(s.from, tz),
    time(s.to, tz),
    minutes(s.to - s.from),
    String(s.visits),
    s.devices.join(";"),
  ]),
];

export const peopleTable = (rows: readonly PersonRow[], tz: string): Table => [
  [
    "registration_id",
    "name",
    "email",
    "role",
    "first_arrival",
    "sessions",
    "minutes_watched",
    "devices",
    ...activityHeader,
    "quiz_points",
    "one_to_one_chats",
    "carousel_meetings",
  ],
  ...rows.map((p) => [
    p.registrationId,
    p.name,
    p.email,
    p.role,
    time(p.firstArrival, tz),
    String(p.sessions),
    minutes(p.watchedMs),
    p.devices.join(";"),
    ...activityCells(p.activity),
    String(p.quizPoints),
    String(p.chats),
    String(p.carouselMeetings),
  ]),
];

export const noShowsTable = (rows: readonly NoShowRow[], tz: string): Table => [
  ["registration_id", "name", "email", "role", "registered_at"],
  ...rows.map((r) => [r.registrationId, r.name, r.email, r.role, time(r.registeredAt, tz)]),
];

export const EngagementTables = ["sessions", "polls", "quizzes", "wordclouds", "questions", "meetings"] as const;
export type EngagementTable = (typeof EngagementTables)[number];

export function engagementTable(r: EngagementReport, table: EngagementTable): Table {
  const tz = r.timezone;
  switch (table) {
    case "sessions":
      return [
        [
          "session_id",
          "title",
          "kind",
          "people",
          "active_people",
          ...activityHeader,
          "questions",
          "answered_questions",
          "question_votes",
          "polls",
          "poll_voters",
          "quizzes",
          "wordclouds",
          "contacts",
        ],
        ...r.sessions.map((s) => [
          s.sessionId,
          s.title,
          s.kind,
          String(s.people),
          String(s.active),
          ...activityCells(s.activity),
          String(s.questions),
          String(s.answeredQuestions),
          String(s.questionVotes),
          String(s.polls),
          String(s.pollVoters),
          String(s.quizzes),
          String(s.wordclouds),
          String(s.contacts),
        ]),
      ];
    case "polls":
      return [
        ["session_id", "poll_id", "question", "voters", "participation", "option", "votes"],
        ...r.polls.flatMap((p) =>
          p.options.map((o) => [
            p.sessionId,
            p.interactionId,
            p.question,
            String(p.voters),
            String(p.participation ?? ""),
            o.label,
            String(o.votes),
          ]),
        ),
      ];
    case "quizzes":
      return [
        ["session_id", "quiz_id", "title", "rank", "registration_id", "name", "points", "correct", "questions"],
        ...r.quizzes.flatMap((q) =>
          q.scores.map((s) => [
            q.sessionId,
            q.interactionId,
            q.title,
            String(s.rank),
            s.registrationId,
            s.name,
            String(s.points),
            String(s.correct),
            String(q.questionCount),
          ]),
        ),
      ];
    case "wordclouds":
      return [
        ["session_id", "wordcloud_id", "prompt", "entries", "contributors", "word", "count"],
        ...r.wordclouds.flatMap((w) =>
          w.words.map((word) => [
            w.sessionId,
            w.interactionId,
            w.prompt,
            String(w.entries),
            String(w.contributors),
            word.text,
            String(word.count),
          ]),
        ),
      ];
    case "questions":
      return [
        ["session_id", "session", "asked_at", "question", "author", "status", "votes"],
        ...r.questions.map((q) => [
          q.sessionId,
          q.sessionTitle,
          time(q.askedAt, tz),
          q.text,
          q.authorName ?? "",
          q.status,
          String(q.votes),
        ]),
      ];
    case "meetings":
      return [
        ["session_id", "session", "kind", "meetings", "people_who_met"],
        ...r.meetings.map((m) => [m.sessionId ?? "", m.title, m.kind, String(m.meetings), String(m.people)]),
      ];
    default:
      return table satisfies never;
  }
}
