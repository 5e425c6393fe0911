import {
  type ActivityCounts,
  ActivityKinds,
  type EngagementReport,
  type MeetingKind,
  type MeetingsRow,
  type PersonRow,
  type SessionEngagement,
} from "../../core/contract/reports";
import type { Db } from "../db/client";
import { meetingsPerPerson, meetingsPerSession } from "../db/meeting-queries";
import {
  activityOfEvent,
  contactsOfEvent,
  peopleOfEvent,
  questionsOfEvent,
  resultsOfEvent,
} from "../db/report-queries";
import type { EventRow } from "../db/schema";
import type { Attendance, Headcounts } from "./attendance";

export const noActivity = (): ActivityCounts =>
  Object.fromEntries(ActivityKinds.map((k) => [k, 0])) as unknown as ActivityCounts;

/**
 * Engagement per session and per interaction, from what D1 holds: the objects' activity totals,
 * final (or latest) results of polls, quizzes and word clouds, questions, carousel contacts.
 * Who was in each session comes from the attendance, so poll participation is voters / people.
 */
export async function engagementOf(db: Db, event: EventRow, attendance: Headcounts): Promise<EngagementReport> {
  const [activity, results, questions, contacts, meetings] = await Promise.all([
    activityOfEvent(db, event.id),
    resultsOfEvent(db, event.id),
    questionsOfEvent(db, event.id),
    contactsOfEvent(db, event.id),
    meetingsPerSession(db, event.id),
  ]);
  const sessions = new Map<string, SessionEngagement>();
  const active = new Map<string, Set<string>>();
  for (const s of attendance.report.sessions) {
    sessions.set(s.sessionId, {
      sessionId: s.sessionId,
      title: s.title,
      kind: s.kind,
      people: s.people,
      activity: noActivity(),
      active: 0,
      questions: 0,
      answeredQuestions: 0,
      questionVotes: 0,
      polls: 0,
      pollVoters: 0,
      quizzes: 0,
      wordclouds: 0,
      contacts: 0,
    });
    active.set(s.sessionId, new Set());
  }
  for (const a of activity) {
    const s = sessions.get(a.sessionId);
    if (!s) continue;
    s.activity[a.kind] += a.count;
    if (a.count > 0) active.get(a.sessionId)?.add(a.registrationId);
  }
  for (const [id, who] of active) sessions.get(id)!.active = who.size;
  for (const q of questions) {
    const s = sessions.get(q.sessionId);
    if (!s) continue;
    s.questions++;
    s.questionVotes += q.votes;
    if (q.status === "answered") s.answeredQuestions++;
  }
  for (const c of contacts) {
    const s = c.sessionId ? sessions.get(c.sessionId) : undefined;
    // One row per direction: a pair who saved each other is one contact exchanged.
    if (s) s.contacts = Math.floor(c.rows / 2);
  }
  const report: EngagementReport = {
    eventId: event.id,
    timezone: event.timezone,
    generatedAt: attendance.report.generatedAt,
    sessions: [...sessions.values()],
    polls: [],
    quizzes: [],
    wordclouds: [],
    meetings: meetingRows(attendance, meetings),
    questions: questions.map((q) => ({
      sessionId: q.sessionId,
      sessionTitle: attendance.sessionTitles.get(q.sessionId) ?? "",
      text: q.text,
      authorName: q.authorName,
      status: q.status,
      votes: q.votes,
      askedAt: q.askedAt,
    })),
  };
  for (const r of results) {
    const s = sessions.get(r.sessionId);
    const result = r.result;
    switch (result.type) {
      case "poll":
        if (s) {
          s.polls++;
          s.pollVoters += result.voters;
        }
        report.polls.push({
          sessionId: r.sessionId,
          interactionId: r.interactionId,
          question: result.question,
          voters: result.voters,
          participation: s && s.people > 0 ? Math.round((result.voters / s.people) * 1000) / 1000 : null,
          options: result.options.map((label, i) => ({ label, votes: result.counts[i] ?? 0 })),
        });
        break;
      case "quiz":
        if (s) s.quizzes++;
        report.quizzes.push({
          sessionId: r.sessionId,
          interactionId: r.interactionId,
          title: result.title,
          questionCount: result.questionCount,
          scores: result.scores,
        });
        break;
      case "wordcloud":
        if (s) s.wordclouds++;
        report.wordclouds.push({
          sessionId: r.sessionId,
          interactionId: r.interactionId,
          prompt: result.prompt,
          entries: result.entries,
          contributors: result.contributors,
          words: result.words,
        });
        break;
      default:
        result satisfies never;
    }
  }
  return report;
}

/** The 1:1 chats' row, then one per carousel session (with none yet, a row of zeros). */
function meetingRows(
  attendance: Headcounts,
  counted: { sessionId: string; kind: MeetingKind; meetings: number; people: number }[],
): MeetingsRow[] {
  const chats = counted.find((m) => m.kind === "chat");
  const rows: MeetingsRow[] = [
    { sessionId: null, title: "", kind: "chat", meetings: chats?.meetings ?? 0, people: chats?.people ?? 0 },
  ];
  for (const s of attendance.report.sessions) {
    if (s.kind !== "carousel") continue;
    const m = counted.find((c) => c.kind === "carousel" && c.sessionId === s.sessionId);
    rows.push({
      sessionId: s.sessionId,
      title: s.title,
      kind: "carousel",
      meetings: m?.meetings ?? 0,
      people: m?.people ?? 0,
    });
  }
  return rows;
}

/**
 * Everyone who registered, with their attendance and what they did over the whole event: the
 * people table, most time first. Registrations with neither attendance nor activity are included
 * (they are the no-shows), at the end.
 */
export async function peopleReport(db: Db, event: EventRow, attendance: Attendance): Promise<PersonRow[]> {
  const [people, activity, results, meetings] = await Promise.all([
    peopleOfEvent(db, event.id),
    activityOfEvent(db, event.id),
    resultsOfEvent(db, event.id),
    meetingsPerPerson(db, event.id),
  ]);
  const met = new Map<string, Record<MeetingKind, number>>();
  for (const m of meetings) {
    const counts = met.get(m.registrationId) ?? { chat: 0, carousel: 0 };
    counts[m.kind] += m.meetings;
    met.set(m.registrationId, counts);
  }
  const counts = new Map<string, ActivityCounts>();
  for (const a of activity) {
    let c = counts.get(a.registrationId);
    if (!c) {
      c = noActivity();
      counts.set(a.registrationId, c);
    }
    c[a.kind] += a.count;
  }
  const points = new Map<string, number>();
  for (const r of results)
    if (r.result.type === "quiz")
      for (const s of r.result.scores) points.set(s.registrationId, (points.get(s.registrationId) ?? 0) + s.points);
  const rows: PersonRow[] = people.map((p) => {
    const a = attendance.people.get(p.id);
    return {
      registrationId: p.id,
      name: p.name,
      email: p.email,
      role: p.role,
      firstArrival: a?.firstArrival ?? null,
      sessions: a?.sessions.size ?? 0,
      watchedMs: a?.watchedMs ?? 0,
      devices: a ? [...a.devices].sort() : [],
      activity: counts.get(p.id) ?? noActivity(),
      quizPoints: points.get(p.id) ?? 0,
      chats: met.get(p.id)?.chat ?? 0,
      carouselMeetings: met.get(p.id)?.carousel ?? 0,
    };
  });
  return rows.sort(
    (x, y) =>
      y.watchedMs - x.watchedMs || x.name.localeCompare(y.name) || (x.registrationId < y.registrationId ? -1 : 1),
  );
}
