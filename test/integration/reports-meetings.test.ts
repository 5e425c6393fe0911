import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { AdminRegistration } from "../../core/contract/index";
import type { EngagementReport, PersonRow, ReportPage } from "../../core/contract/reports";
import { hubRoomName } from "../../core/protocol/networking";
import { parseCsv } from "../../server/csv";
import { type ReportItem, writeReports } from "../../server/db/reports";
import { addSession, admin, adminJson, createEvent } from "./helpers";

/**
 * 1:1 chats and carousel meetings in the engagement report, on an event whose right answers are
 * worked out by hand:
 *   Carousel "Speed dates", round 1: Ann + Bob (written twice, then again with its end);
 *                           round 2: Ann + Bob + =Cat (a trio).
 *   1:1 chats in the event's hub: Ann + =Cat (written twice), Ann + Dan (still going on).
 *   Another event's hub has a chat of Ann's that is not this event's.
 * So: carousel 2 meetings, 3 people; chats 2, 3 people. Ann 2 chats / 2 meetings, Bob 0 / 2,
 * =Cat 1 / 1, Dan 1 / 0, Eve nothing; the stage has no meetings row.
 */
const MIN = 60_000;
const T0 = Date.UTC(2026, 2, 1, 10, 0);

async function seeded() {
  const event = await createEvent({ startsInMs: T0 - Date.now(), durationMs: 180 * MIN, fields: [] });
  const other = await createEvent({ startsInMs: T0 - Date.now(), durationMs: 180 * MIN, fields: [] });
  await addSession(event.id, {
    kind: "stage",
    title: "Main stage",
    startsAt: new Date(T0).toISOString(),
    endsAt: new Date(T0 + 60 * MIN).toISOString(),
  });
  const carousel = await addSession(event.id, {
    kind: "carousel",
    title: "Speed dates",
    startsAt: new Date(T0 + 60 * MIN).toISOString(),
    endsAt: new Date(T0 + 120 * MIN).toISOString(),
  });
  const ids: Record<string, string> = {};
  for (const name of ["Ann", "Bob", "=Cat", "Dan", "Eve"]) {
    const res = await adminJson<AdminRegistration>(`/api/admin/events/${event.id}/registrations`, {
      method: "POST",
      json: { name, email: `${name.replace("=", "").toLowerCase()}@example.com` },
    });
    expect(res.status).toBe(201);
    ids[name] = res.body.id;
  }
  const meeting = (
    meetingId: string,
    type: "chat" | "carousel",
    people: string[],
    startedAt: number,
    endedAt: number | null,
    round: number | null = null,
  ): ReportItem => ({
    kind: "meeting",
    meetingId,
    type,
    people: people.map((p) => ids[p]!),
    round,
    startedAt,
    endedAt,
  });
  const round1 = meeting("grp_1", "carousel", ["Ann", "Bob"], T0 + 61 * MIN, null, 1);
  // The start of round 1 reaches D1, is written again (a retry), then its end comes.
  await writeReports(env.DB, carousel.id, [round1]);
  await writeReports(env.DB, carousel.id, [round1]);
  await writeReports(env.DB, carousel.id, [
    meeting("grp_1", "carousel", ["Ann", "Bob"], T0 + 61 * MIN, T0 + 66 * MIN, 1),
    meeting("grp_2", "carousel", ["Ann", "Bob", "=Cat"], T0 + 67 * MIN, T0 + 72 * MIN, 2),
  ]);
  const hub = hubRoomName(event.id);
  const chat = meeting("chat_1", "chat", ["Ann", "=Cat"], T0 + 5 * MIN, T0 + 15 * MIN);
  await writeReports(env.DB, hub, [chat, chat]);
  await writeReports(env.DB, hub, [chat, meeting("chat_2", "chat", ["Ann", "Dan"], T0 + 20 * MIN, null)]);
  await writeReports(env.DB, hubRoomName(other.id), [meeting("chat_x", "chat", ["Ann", "Bob"], T0, T0 + MIN)]);
  return { event, carousel, ids };
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

describe("1:1 chats and carousel meetings in the engagement report", () => {
  it("counts each meeting once however often it was written, per place and per person, with its end", async () => {
    const { event, carousel, ids } = await seeded();
    const base = `/api/admin/events/${event.id}/reports`;

    const { body } = await adminJson<EngagementReport>(`${base}/engagement`);
    expect(body.meetings).toEqual([
      { sessionId: null, title: "", kind: "chat", meetings: 2, people: 3 },
      { sessionId: carousel.id, title: "Speed dates", kind: "carousel", meetings: 2, people: 3 },
    ]);

    const people = (await adminJson<ReportPage<PersonRow>>(`${base}/people`)).body;
    const of = (name: string) => people.items.find((p) => p.name === name)!;
    expect(["Ann", "Bob", "=Cat", "Dan", "Eve"].map((n) => [n, of(n).chats, of(n).carouselMeetings])).toEqual([
      ["Ann", 2, 2],
      ["Bob", 0, 2],
      ["=Cat", 1, 1],
      ["Dan", 1, 0],
      ["Eve", 0, 0],
    ]);

    // Who with whom, from when to when: the retried round kept its end.
    const rows = await env.DB.prepare(
      "SELECT meeting_id, registration_id, round, started_at, ended_at FROM networking_meetings WHERE session_id = ? ORDER BY meeting_id, registration_id",
    )
      .bind(carousel.id)
      .all<{ meeting_id: string; registration_id: string; round: number; started_at: number; ended_at: number }>();
    expect(rows.results.filter((r) => r.meeting_id === "grp_1")).toEqual(
      [ids.Ann!, ids.Bob!].sort().map((id) => ({
        meeting_id: "grp_1",
        registration_id: id,
        round: 1,
        started_at: T0 + 61 * MIN,
        ended_at: T0 + 66 * MIN,
      })),
    );
    // A start written after the end (an out-of-order retry) does not erase the end.
    await writeReports(env.DB, carousel.id, [
      {
        kind: "meeting",
        meetingId: "grp_1",
        type: "carousel",
        people: [ids.Ann!, ids.Bob!],
        round: 1,
        startedAt: T0 + 61 * MIN,
        endedAt: null,
      },
    ]);
    const ended = await env.DB.prepare("SELECT DISTINCT ended_at FROM networking_meetings WHERE meeting_id = 'grp_1'")
      .all<{ ended_at: number | null }>()
      .then((r) => r.results.map((x) => x.ended_at));
    expect(ended).toEqual([T0 + 66 * MIN]);
  });

  it("the CSV downloads hold the same numbers as the JSON, spreadsheet-safe", async () => {
    const { event } = await seeded();
    const base = `/api/admin/events/${event.id}/reports`;
    const { body } = await adminJson<EngagementReport>(`${base}/engagement`);
    const meetingsCsv = await csvOf(`${base}/engagement?format=csv&table=meetings`);
    expect(meetingsCsv).toEqual(
      body.meetings.map((m) => ({
        session_id: m.sessionId ?? "",
        session: m.title,
        kind: m.kind,
        meetings: String(m.meetings),
        people_who_met: String(m.people),
      })),
    );

    const people = (await adminJson<ReportPage<PersonRow>>(`${base}/people`)).body;
    const peopleCsv = await csvOf(`${base}/people?format=csv`);
    expect(peopleCsv.map((r) => [r.registration_id, r.name, r.one_to_one_chats, r.carousel_meetings])).toEqual(
      people.items.map((p) => [
        p.registrationId,
        // A name that a spreadsheet would run as a formula is neutralised.
        p.name.startsWith("=") ? `'${p.name}` : p.name,
        String(p.chats),
        String(p.carouselMeetings),
      ]),
    );
    expect(peopleCsv.find((r) => r.name === "'=Cat")).toMatchObject({ one_to_one_chats: "1", carousel_meetings: "1" });
  });
});
