import { AttendanceQuery, EngagementQuery, RowsQuery, StaysQuery } from "../schemas/reports";
import type { OperationSpec } from "./document";

const E = "/api/admin/events/{eventId}/reports";
const csvNote = "JSON, or with format=csv a CSV download of the same numbers (formula-like cells neutralised)";

/** An event's attendance and engagement reports (scope reports:read). */
export const reportsOperations: OperationSpec[] = [
  {
    method: "get",
    path: `${E}/attendance`,
    summary: `Attendance: registered, came, no-shows, devices, first arrivals over time, people per local day, per session people, peak and average at once, time watched, and concurrency over time. ${csvNote}; table picks sessions, days, devices, arrivals or concurrency`,
    tag: "reports",
    auth: "admin",
    query: AttendanceQuery,
    ok: { status: 200, description: "The attendance report (application/json or text/csv)" },
    errors: [404, 422],
  },
  {
    method: "get",
    path: `${E}/stays`,
    summary: `Who was in each session from when to when (visits within a minute of each other, or from two devices at once, are one stay). ${csvNote}; JSON shows the first limit rows and the total`,
    tag: "reports",
    auth: "admin",
    query: StaysQuery,
    ok: { status: 200, description: "Stays (application/json or text/csv)" },
    errors: [404, 422],
  },
  {
    method: "get",
    path: `${E}/people`,
    summary: `Each registration's first arrival, sessions, time watched, devices, what they did (chat messages, questions, upvotes, poll votes, quiz answers, words, raised hands), quiz points, and how many 1:1 chats and carousel meetings they had. ${csvNote}`,
    tag: "reports",
    auth: "admin",
    query: RowsQuery,
    ok: { status: 200, description: "People (application/json or text/csv)" },
    errors: [404, 422],
  },
  {
    method: "get",
    path: `${E}/no-shows`,
    summary: `Registrations that joined no session. ${csvNote}`,
    tag: "reports",
    auth: "admin",
    query: RowsQuery,
    ok: { status: 200, description: "No-shows (application/json or text/csv)" },
    errors: [404, 422],
  },
  {
    method: "get",
    path: `${E}/engagement`,
    summary: `Engagement per session (activity, questions, polls and participation, quizzes, word clouds, carousel contacts), poll results, quiz leaderboards, word clouds, questions, and 1:1 chats and carousel meetings (the event's 1:1 chats, then each carousel session). ${csvNote}; table picks sessions, polls, quizzes, wordclouds, questions or meetings`,
    tag: "reports",
    auth: "admin",
    query: EngagementQuery,
    ok: { status: 200, description: "The engagement report (application/json or text/csv)" },
    errors: [404, 422],
  },
];
