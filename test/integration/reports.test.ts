import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { AdminRegistration } from "../../core/contract/index";
import type {
  AttendanceReport,
  EngagementReport,
  NoShowRow,
  PersonRow,
  ReportPage,
  StayRow,
} from "../../core/contract/reports";
import { parseCsv } from "../../server/csv";
import { type ReportItem, writeReports } from "../../server/db/reports";
import { addSession, admin, adminJson, createEvent } from "./helpers";

/**
 * Reports on a small event whose right answers are worked out by hand: the event runs 23:00–02:00
 * in Amsterdam (22:00–01:00 UTC), so local midnight falls inside it.
 *
 * Stage (22:00–01:00 UTC):
 *   Ann   22:00–22:30, reconnects 40 s later, 22:30:40–23:30 (desktop) → one stay of 90 min, past midnight
 *   Bob   22:10–22:40 desktop and 22:20–22:50 phone at once → one stay of 40 min, counted once
 *   =Cat  22:20–22:30 tablet, again 23:00–23:10 (half an hour later: two stays), 20 min
 * Breakout (22:30–23:30): Ann 22:40–22:50.
 * Dan registered and never came.
 */
const MIN = 60_000;
const T = (h: number, m: number, s = 0) => Date.UTC(2026, 2, 1, h, m, s);
const utc = (h: number, m: number, s = 0) => (h < 12 ? T(24 + h, m, s) : T(h, m, s));

async function seeded() {
  const event = await createEvent({ startsInMs: T(22, 0) - Date.now(), durationMs: 180 * MIN, fields: [] });
  const stage = await addSession(event.id, {
    kind: "stage",
    title: "Main stage",
    startsAt: new Date(T(22, 0)).toISOString(),
    endsAt: new Date(utc(1, 0)).toISOString(),
  });
  const breakout = await addSession(event.id, {
    kind: "breakout",
    title: "Workshop",
    startsAt: new Date(T(22, 30)).toISOString(),
    endsAt: new Date(T(23, 30)).toISOString(),
  });
  const ids: Record<string, string> = {};
  for (const name of ["Ann", "Bob", "=Cat", "Dan"]) {
    const res = await adminJson<AdminRegistration>(`/api/admin/events/${event.id}/registrations`, {
      method: "POST",
      json: { name, email: `${name.replace("=", "").toLowerCase()}@example.com` },
    });
    expect(res.status).toBe(201);
    ids[name] = res.body.id;
  }
  let visitId = 0;
  const visit = (who: string, device: "desktop" | "mobile" | "tablet", from: number, to: number): ReportItem => ({
    kind: "attendance",
    visitId: ++visitId,
    registrationId: ids[who]!,
    role: "participant",
    device,
    joinedAt: from,
    leftAt: to,
  });
  await writeReports(env.DB, stage.id, [
    visit("Ann", "desktop", T(22, 0), T(22, 30)),
    visit("Ann", "desktop", T(22, 30, 40), T(23, 30)),
    visit("Bob", "desktop", T(22, 10), T(22, 40)),
    visit("Bob", "mobile", T(22, 20), T(22, 50)),
    visit("=Cat", "tablet", T(22, 20), T(22, 30)),
    visit("=Cat", "tablet", T(23, 0), T(23, 10)),
    { kind: "activity", registrationId: ids.Ann!, counts: { chat: 3, question: 1 } },
    { kind: "activity", registrationId: ids.Bob!, counts: { chat: 1, vote: 1, hand: 1 } },
    {
      kind: "result",
      interactionId: "poll_1",
      title: "Coffee?",
      closedAt: T(22, 45),
      result: { type: "poll", question: "Coffee?", kind: "single", options: ["Yes", "No"], counts: [1, 1], voters: 2 },
    },
    {
      kind: "result",
      interactionId: "quiz_1",
      title: "Trivia",
      closedAt: T(23, 0),
      result: {
        type: "quiz",
        title: "Trivia",
        questionCount: 2,
        scores: [
          { rank: 1, registrationId: ids.Ann!, name: "Ann", points: 20, correct: 2 },
          { rank: 2, registrationId: ids.Bob!, name: "Bob", points: 10, correct: 1 },
        ],
      },
    },
    {
      kind: "question",
      questionId: "q1",
      text: "=1+1 why?",
      authorName: "Ann",
      status: "answered",
      votes: 2,
      askedAt: T(22, 15),
      answeredAt: T(22, 25),
    },
  ]);
  await writeReports(env.DB, breakout.id, [visit("Ann", "desktop", T(22, 40), T(22, 50))]);
  return { event, stage, breakout, ids };
}

const csvOf = async (path: string) => {
  const res = await admin(path);
  expect(res.status).toBe(200);
  expect(res.headers.get("Content-Type")).toContain("text/csv");
  const parsed = parseCsv(await res.text());
  if (!parsed.ok) throw new Error(parsed.message);
  const [header, ...rows] = parsed.records.map((r) => r.cells);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
};

describe("an event's reports", () => {
  it("attendance: stays merged, concurrency per person, local days, arrivals, devices and no-shows", async () => {
    const { event, stage, breakout } = await seeded();
    const base = `/api/admin/events/${event.id}/reports`;
    const { status, body } = await adminJson<AttendanceReport>(`${base}/attendance`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ registered: 4, came: 3, noShows: 1, timezone: "Europe/Amsterdam" });
    expect(body.devices).toEqual([
      { device: "desktop", people: 2 },
      { device: "mobile", people: 1 },
      { device: "tablet", people: 1 },
    ]);
    const main = body.sessions.find((s) => s.sessionId === stage.id)!;
    expect(main).toMatchObject({ people: 3, visits: 6, stays: 4, peak: 3, peakAt: T(22, 20), watchedMs: 150 * MIN });
    // 150 person-minutes over the 180 scheduled minutes.
    expect(main.average).toBe(0.83);
    expect(body.sessions.find((s) => s.sessionId === breakout.id)).toMatchObject({ people: 1, peak: 1 });
    expect(body.days).toEqual([
      { date: "2026-03-01", people: 3, watchedMs: 120 * MIN },
      { date: "2026-03-02", people: 2, watchedMs: 40 * MIN },
    ]);
    expect(body.arrivalBucketMs).toBe(5 * MIN);
    expect(body.arrivals).toEqual([
      { at: T(22, 0), count: 1 },
      { at: T(22, 10), count: 1 },
      { at: T(22, 20), count: 1 },
    ]);
    const series = body.concurrency.find((c) => c.sessionId === stage.id)!;
    expect(Math.max(...series.points)).toBe(3);

    const sessionsCsv = await csvOf(`${base}/attendance?format=csv&table=sessions`);
    expect(sessionsCsv.find((r) => r.session_id === stage.id)).toMatchObject({
      people: "3",
      peak: "3",
      average: "0.83",
      minutes_watched: "150",
      peak_at: "2026-03-01T23:20:00+01:00",
    });
    const daysCsv = await csvOf(`${base}/attendance?format=csv&table=days`);
    expect(daysCsv).toEqual([
      { date: "2026-03-01", people: "3", minutes_watched: "120" },
      { date: "2026-03-02", people: "2", minutes_watched: "40" },
    ]);
  });

  it("stays, people and no-shows agree between JSON and a spreadsheet-safe CSV", async () => {
    const { event, stage, ids } = await seeded();
    const base = `/api/admin/events/${event.id}/reports`;
    const stays = (await adminJson<ReportPage<StayRow>>(`${base}/stays?sessionId=${stage.id}`)).body;
    expect(stays.total).toBe(4);
    const ann = stays.items.find((s) => s.registrationId === ids.Ann)!;
    expect([ann.from, ann.to, ann.visits]).toEqual([T(22, 0), T(23, 30), 2]);
    const bob = stays.items.find((s) => s.registrationId === ids.Bob)!;
    expect(bob.devices).toEqual(["desktop", "mobile"]);

    const people = (await adminJson<ReportPage<PersonRow>>(`${base}/people`)).body;
    expect(people.total).toBe(4);
    expect(people.items.map((p) => [p.name, p.watchedMs / MIN, p.sessions])).toEqual([
      ["Ann", 100, 2],
      ["Bob", 40, 1],
      ["=Cat", 20, 1],
      ["Dan", 0, 0],
    ]);
    expect(people.items[0]).toMatchObject({ quizPoints: 20, activity: { chat: 3, question: 1, vote: 0 } });

    const peopleCsv = await csvOf(`${base}/people?format=csv`);
    expect(peopleCsv.map((r) => [r.name, r.minutes_watched, r.chat_count, r.quiz_points])).toEqual([
      ["Ann", "100", "3", "20"],
      ["Bob", "40", "1", "10"],
      // A name that a spreadsheet would run as a formula is neutralised.
      ["'=Cat", "20", "0", "0"],
      ["Dan", "0", "0", "0"],
    ]);
    const staysCsv = await csvOf(`${base}/stays?format=csv`);
    expect(staysCsv).toHaveLength(5);
    expect(staysCsv.find((r) => r.registration_id === ids.Ann && r.session_id === stage.id)).toMatchObject({
      from: "2026-03-01T23:00:00+01:00",
      to: "2026-03-02T00:30:00+01:00",
      minutes: "90",
      visits: "2",
    });

    const noShows = (await adminJson<ReportPage<NoShowRow>>(`${base}/no-shows`)).body;
    expect(noShows.total).toBe(1);
    expect(noShows.items[0]).toMatchObject({ name: "Dan", email: "dan@example.com" });
    expect((await csvOf(`${base}/no-shows?format=csv`)).map((r) => r.name)).toEqual(["Dan"]);
  });

  it("engagement: activity, polls with participation, quiz leaderboard and questions, per session", async () => {
    const { event, stage } = await seeded();
    const base = `/api/admin/events/${event.id}/reports`;
    const { body } = await adminJson<EngagementReport>(`${base}/engagement`);
    const main = body.sessions.find((s) => s.sessionId === stage.id)!;
    expect(main).toMatchObject({
      people: 3,
      active: 2,
      activity: { chat: 4, question: 1, vote: 1, hand: 1, upvote: 0 },
      questions: 1,
      answeredQuestions: 1,
      questionVotes: 2,
      polls: 1,
      pollVoters: 2,
      quizzes: 1,
    });
    expect(body.polls).toEqual([
      {
        sessionId: stage.id,
        interactionId: "poll_1",
        question: "Coffee?",
        voters: 2,
        participation: 0.667,
        options: [
          { label: "Yes", votes: 1 },
          { label: "No", votes: 1 },
        ],
      },
    ]);
    expect(body.quizzes[0]?.scores.map((s) => [s.rank, s.name, s.points])).toEqual([
      [1, "Ann", 20],
      [2, "Bob", 10],
    ]);
    const pollsCsv = await csvOf(`${base}/engagement?format=csv&table=polls`);
    expect(pollsCsv.map((r) => [r.option, r.votes, r.participation])).toEqual([
      ["Yes", "1", "0.667"],
      ["No", "1", "0.667"],
    ]);
    const questionsCsv = await csvOf(`${base}/engagement?format=csv&table=questions`);
    expect(questionsCsv[0]).toMatchObject({ question: "'=1+1 why?", votes: "2", status: "answered" });
    const sessionsCsv = await csvOf(`${base}/engagement?format=csv&table=sessions`);
    expect(sessionsCsv.find((r) => r.session_id === stage.id)).toMatchObject({ chat_count: "4", poll_voters: "2" });
  });

  it("names a bad table or format, and another event's session is not found", async () => {
    const { event } = await seeded();
    const base = `/api/admin/events/${event.id}/reports`;
    const bad = await adminJson<{ error: { fields: Record<string, string> } }>(`${base}/attendance?table=nope`);
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields)).toEqual(["table"]);
    expect((await adminJson(`${base}/stays?sessionId=ses_elsewhere`)).status).toBe(404);
    expect((await adminJson(`/api/admin/events/evt_nope/reports/attendance`)).status).toBe(404);
  });
});
