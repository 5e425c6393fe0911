import { evictDurableObject, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { CarouselLimits, type CarouselGroupView, type CarouselMine } from "../../../core/protocol";
import type { ContactsResponse } from "../../../core/contract/networking";
import { sessionRoom } from "../../../server/rooms";
import type { EngagementReport, PersonRow, ReportPage } from "../../../core/contract/reports";
import { adminJson, call, ORIGIN } from "../helpers";
import { connect, type LiveClient } from "../live/client";
import { api, freshCrowd, type Crowd, type Person } from "./people";

const ROUND_MS = CarouselLimits.defaultRoundMinutes * 60_000;
const EXTEND_MS = CarouselLimits.extendMinutes * 60_000;

const roomOf = (crowd: Crowd) => sessionRoom(env, crowd.carouselId);

/** A carousel page: the session socket after its handshake, its first carousel view taken. */
async function open(crowd: Crowd, person: Person): Promise<LiveClient & { first: CarouselMine }> {
  const client = await connect(crowd.carouselId, person.cookie);
  await client.hello();
  return Object.assign(client, { first: (await client.take("carousel/you")).you });
}

/** The person's next view matching `match`. */
const you = async (c: LiveClient, match: (y: CarouselMine) => boolean): Promise<CarouselMine> =>
  (await c.take("carousel/you", (f) => match(f.you), 5000)).you;
const paired = async (
  c: LiveClient,
  match: (g: CarouselGroupView) => boolean = () => true,
): Promise<CarouselGroupView> => {
  const mine = await you(c, (y) => y.status === "paired" && match(y.group));
  return mine.status === "paired" ? mine.group : (undefined as never);
};

/** Time passes for the carousel: every deadline it keeps moves `ms` closer, then its alarm runs as it would. */
async function timePasses(crowd: Crowd, ms: number): Promise<void> {
  await runInDurableObject(roomOf(crowd), (_room, state) => {
    const sql = state.storage.sql;
    sql.exec(
      "UPDATE carousel_groups SET ends_at = ends_at - ?, started_at = started_at - ? WHERE ended_at IS NULL",
      ms,
      ms,
    );
    sql.exec("UPDATE carousel_people SET away_since = away_since - ? WHERE away_since IS NOT NULL", ms);
    const row = sql.exec<{ value: string }>("SELECT value FROM carousel_meta WHERE key = 'clock'").toArray()[0];
    if (row) {
      const clock = JSON.parse(row.value) as { endsAt: number | null };
      if (clock.endsAt !== null) clock.endsAt -= ms;
      sql.exec("UPDATE carousel_meta SET value = ? WHERE key = 'clock'", JSON.stringify(clock));
    }
    sql.exec("UPDATE alarms SET at = at - ? WHERE name = 'carousel'", ms);
  });
  expect(await runDurableObjectAlarm(roomOf(crowd))).toBe(true);
}

const joinCall = (cookie: string, sessionId: string, callId: string) =>
  call(`/api/sessions/${sessionId}/call/join`, {
    method: "POST",
    headers: { Cookie: cookie, Origin: ORIGIN, "Content-Type": "application/json" },
    body: JSON.stringify({ call: callId }),
  });

describe("chat carousel", () => {
  it("pairs the people who opted in on a shared clock, extends when both agree, and shares contacts both saved", async () => {
    const crowd = await freshCrowd([
      { name: "Mia", role: "moderator" },
      { name: "Ada", organisation: "Engines" },
      { name: "Bram", organisation: "Polder" },
      { name: "Chloé" },
    ]);
    const [mia, ada, bram, chloe] = crowd.people as [Person, Person, Person, Person];
    const [m, a, b, c] = [
      await open(crowd, mia),
      await open(crowd, ada),
      await open(crowd, bram),
      await open(crowd, chloe),
    ];
    await a.ok({ type: "carousel/join" });
    expect(await you(a, (y) => y.status === "waiting")).toEqual({
      status: "waiting",
      reason: "not_running",
      away: false,
    });
    await b.ok({ type: "carousel/join" });
    expect(await c.mutate({ type: "carousel/start" })).toMatchObject({ code: "not_allowed" });
    await m.ok({ type: "carousel/start" });

    const ga = await paired(a);
    const gb = await paired(b);
    expect(ga.id).toBe(gb.id);
    expect(ga.partners).toEqual([{ registrationId: bram.id, name: "Bram", organisation: "Polder" }]);
    expect(ga.round).toBe(1);
    // Everyone counts down to the same instant, on the server's clock.
    const state = (await c.take("carousel/state", (f) => f.carousel.phase === "round", 5000)).carousel;
    expect(state).toMatchObject({ round: 1, endsAt: ga.endsAt, counts: { joined: 2, paired: 2, waiting: 0, away: 0 } });
    expect(ga.endsAt - Date.now()).toBeGreaterThan(ROUND_MS - 10_000);

    // Their call is theirs: the join endpoint lets the two in and nobody else who is not staff.
    expect((await joinCall(ada.cookie, crowd.carouselId, ga.call)).status).toBe(200);
    expect((await joinCall(chloe.cookie, crowd.carouselId, ga.call)).status).toBe(403);

    // "Extend this conversation": nothing until both want it, then two more minutes for them alone.
    await a.ok({ type: "carousel/extend", groupId: ga.id, want: true });
    expect((await paired(b, (g) => g.extendVotes.length === 1)).extendVotes).toEqual([ada.id]);
    await b.ok({ type: "carousel/extend", groupId: ga.id, want: true });
    const extended = await paired(a, (g) => g.extensions === 1);
    expect(extended.endsAt).toBe(ga.endsAt + EXTEND_MS);

    // The round ends for everyone else; the extended pair keeps talking through the break.
    await timePasses(crowd, ROUND_MS);
    expect((await m.take("carousel/state", (f) => f.carousel.phase === "break", 5000)).carousel.round).toBe(1);
    expect(a.has("carousel/you", (f) => f.you.status === "waiting")).toBe(false);
    // Their extension runs out as the break ends: the next round pairs them again (nobody else is here).
    await timePasses(crowd, EXTEND_MS);
    const again = await paired(a, (g) => g.round === 2);
    expect(again.id).not.toBe(ga.id);

    // Saving a contact shares nothing until both did.
    await a.ok({ type: "carousel/save-contact", registrationId: bram.id });
    expect((await a.take("carousel/contacts", (f) => f.contacts.some((x) => x.saved))).contacts).toEqual([
      {
        person: { registrationId: bram.id, name: "Bram", organisation: "Polder" },
        round: 1,
        saved: true,
        mutual: false,
      },
    ]);
    await runInDurableObject(roomOf(crowd), (room) => room.flushReports());
    expect(((await (await api("/api/me/contacts", ada.cookie)).json()) as ContactsResponse).items).toEqual([]);
    expect(await c.mutate({ type: "carousel/save-contact", registrationId: ada.id })).toMatchObject({
      code: "not_found",
    });
    await b.ok({ type: "carousel/save-contact", registrationId: ada.id });
    expect((await a.take("carousel/contacts", (f) => f.contacts.some((x) => x.mutual))).contacts[0]!.mutual).toBe(true);
    await runInDurableObject(roomOf(crowd), (room) => room.flushReports());
    const contacts = ((await (await api("/api/me/contacts", ada.cookie)).json()) as ContactsResponse).items;
    expect(contacts).toEqual([
      expect.objectContaining({
        registrationId: bram.id,
        name: "Bram",
        organisation: "Polder",
        email: expect.stringMatching(/@crowd\.test$/),
      }),
    ]);

    // The organizer's engagement report: two meetings (round 1, and round 2 still going), Ada and Bram in each.
    const report = `/api/admin/events/${crowd.eventId}/reports`;
    expect((await adminJson<EngagementReport>(`${report}/engagement`)).body.meetings).toEqual([
      { sessionId: null, title: "", kind: "chat", meetings: 0, people: 0 },
      { sessionId: crowd.carouselId, title: "Carousel", kind: "carousel", meetings: 2, people: 2 },
    ]);
    const people = (await adminJson<ReportPage<PersonRow>>(`${report}/people`)).body.items;
    expect(people.map((p) => [p.name, p.carouselMeetings]).sort()).toEqual([
      ["Ada", 2],
      ["Bram", 2],
      ["Chloé", 0],
      ["Mia", 0],
    ]);
    for (const x of [m, a, b, c]) x.close();
  });

  it("avoids repeats, puts an odd person in a trio, and respects the matching rules", async () => {
    const crowd = await freshCrowd([
      { name: "Mia", role: "moderator" },
      { name: "P1", organisation: "A" },
      { name: "P2", organisation: "A" },
      { name: "P3", organisation: "B" },
      { name: "P4", organisation: "B" },
    ]);
    const [mia, ...people] = crowd.people as [Person, ...Person[]];
    const m = await open(crowd, mia);
    const clients = await Promise.all(people.map((p) => open(crowd, p)));
    for (const c of clients) await c.ok({ type: "carousel/join" });
    await m.ok({
      type: "carousel/configure",
      roundMinutes: 3,
      breakSeconds: 20,
      rules: [{ attribute: "organisation", mode: "different" }],
    });
    await m.ok({ type: "carousel/start" });
    const first = await Promise.all(clients.map((c) => paired(c)));
    // Mixed organisations only: every pair is one of A with one of B.
    for (const g of first) expect(g.partners.map((p) => p.organisation)).toHaveLength(1);
    const partnerOf = (i: number, groups: CarouselGroupView[]) => groups[i]!.partners[0]!.name;
    for (const [i, g] of first.entries())
      expect(g.partners[0]!.organisation).not.toBe(people[i]!.name <= "P2" ? "A" : "B");
    expect(first[0]!.endsAt - Date.now()).toBeGreaterThan(3 * 60_000 - 10_000);

    // Next round: the other person of the other organisation (nobody meets anyone twice while avoidable).
    await timePasses(crowd, 3 * 60_000);
    await timePasses(crowd, 20_000);
    const second = await Promise.all(clients.map((c) => paired(c, (g) => g.round === 2)));
    for (const i of [0, 1, 2, 3]) expect(partnerOf(i, second)).not.toBe(partnerOf(i, first));

    // Without rules and with an odd number, the odd one joins a trio rather than wait alone.
    // Only what the stop sends counts: the views from before it (waiting to start) are history.
    for (const c of clients) c.frames.length = 0;
    await m.ok({ type: "carousel/stop" });
    // Stopped, not "not started yet": everyone is told the carousel stopped, partners and waiting alike.
    for (const c of clients)
      expect(await you(c, (y) => y.status === "waiting")).toEqual({
        status: "waiting",
        reason: "stopped",
        away: false,
      });
    await clients[3]!.ok({ type: "carousel/leave" });
    await m.ok({ type: "carousel/configure", roundMinutes: 3, breakSeconds: 20, rules: [] });
    await m.ok({ type: "carousel/start" });
    const trio = await Promise.all(clients.slice(0, 3).map((c) => paired(c, (g) => g.round === 3)));
    expect(trio.map((g) => g.partners.length)).toEqual([2, 2, 2]);
    expect(await you(clients[3]!, (y) => y.status === "out")).toEqual({ status: "out" });
    for (const x of [m, ...clients]) x.close();
  });

  it("never leaves someone out silently: a person the rules cannot place is told why", async () => {
    const crowd = await freshCrowd([
      { name: "Mia", role: "moderator" },
      { name: "Ann", organisation: "Same" },
      { name: "Bob", organisation: "same" },
    ]);
    const [mia, ann, bob] = crowd.people as [Person, Person, Person];
    const [m, a, b] = [await open(crowd, mia), await open(crowd, ann), await open(crowd, bob)];
    await m.ok({
      type: "carousel/configure",
      roundMinutes: 4,
      breakSeconds: 30,
      rules: [{ attribute: "organisation", mode: "different" }],
    });
    await a.ok({ type: "carousel/join" });
    await b.ok({ type: "carousel/join" });
    await m.ok({ type: "carousel/start" });
    for (const c of [a, b])
      expect(await you(c, (y) => y.status === "waiting" && y.reason !== "not_running")).toEqual({
        status: "waiting",
        reason: "no_compatible_partner",
        away: false,
      });
    for (const x of [m, a, b]) x.close();
  });

  it("frees the partner of someone who dropped and pairs them with another free person", async () => {
    const crowd = await freshCrowd([
      { name: "Mia", role: "moderator" },
      { name: "Ada" },
      { name: "Bram" },
      { name: "Chloé" },
      { name: "Dirk" },
    ]);
    const [mia, ada, bram, chloe, dirk] = crowd.people as [Person, Person, Person, Person, Person];
    const [m, a, b] = [await open(crowd, mia), await open(crowd, ada), await open(crowd, bram)];
    await a.ok({ type: "carousel/join" });
    await b.ok({ type: "carousel/join" });
    await m.ok({ type: "carousel/start" });
    await paired(a);
    await paired(b);
    b.frames.length = 0;
    // Chloé comes in mid-round: nobody is free, so she waits for the next round — and is told.
    const c = await open(crowd, chloe);
    await c.ok({ type: "carousel/join" });
    expect(await you(c, (y) => y.status === "waiting")).toEqual({
      status: "waiting",
      reason: "next_round",
      away: false,
    });

    // Ada's connection drops. Within the grace nothing happens to Bram…
    a.close();
    await m.take("carousel/state", (f) => f.carousel.counts.away === 1, 5000);
    expect(b.has("carousel/you", (f) => f.you.status === "waiting")).toBe(false);
    // …after it, Bram is freed and paired at once with Chloé, who was free.
    await timePasses(crowd, CarouselLimits.dropGraceSeconds * 1000);
    const bc = await paired(b);
    expect(bc.partners.map((p) => p.name)).toEqual(["Chloé"]);
    expect((await paired(c)).id).toBe(bc.id);
    // The call follows: Ada is no longer one of its people.
    const back = await open(crowd, ada);
    expect(back.first).toEqual({ status: "waiting", reason: "next_round", away: false });
    expect((await joinCall(ada.cookie, crowd.carouselId, bc.call)).status).toBe(403);
    // She has had enough and leaves (otherwise she would be the next free person for Bram).
    await back.ok({ type: "carousel/leave" });
    expect(await you(back, (y) => y.status === "out")).toEqual({ status: "out" });

    // Chloé leaves too; Bram has nobody free to go to and is told his partner left.
    await c.ok({ type: "carousel/leave" });
    expect(await you(b, (y) => y.status === "waiting")).toEqual({
      status: "waiting",
      reason: "partner_left",
      away: false,
    });
    // Dirk arrives mid-round: the two free people meet.
    const d = await open(crowd, dirk);
    await d.ok({ type: "carousel/join" });
    expect((await paired(d)).partners.map((p) => p.name).sort()).toEqual(expect.arrayContaining(["Bram"]));
    for (const x of [m, b, c, d, back]) x.close();
  });

  it("loses nothing when the object is evicted mid-round, and the alarm resumes the clock", async () => {
    const crowd = await freshCrowd([{ name: "Mia", role: "moderator" }, { name: "Ada" }, { name: "Bram" }]);
    const [mia, ada, bram] = crowd.people as [Person, Person, Person];
    const [m, a, b] = [await open(crowd, mia), await open(crowd, ada), await open(crowd, bram)];
    await a.ok({ type: "carousel/join" });
    await b.ok({ type: "carousel/join" });
    await m.ok({ type: "carousel/start" });
    const group = await paired(a);
    await a.ok({ type: "carousel/extend", groupId: group.id, want: true });
    await paired(b, (g) => g.extendVotes.length === 1);

    await evictDurableObject(roomOf(crowd));
    // A page that reconnects after the eviction finds the same round, pair and wish to extend.
    const again = await connect(crowd.carouselId, bram.cookie);
    await again.hello();
    expect((await again.take("carousel/you")).you).toMatchObject({
      status: "paired",
      group: { id: group.id, endsAt: group.endsAt, extendVotes: [ada.id] },
    });
    const state = (await again.take("carousel/state", () => true, 5000)).carousel;
    expect(state).toMatchObject({ phase: "round", round: 1, endsAt: group.endsAt, counts: { joined: 2, paired: 2 } });
    await b.ok({ type: "carousel/extend", groupId: group.id, want: true });
    expect((await paired(a, (g) => g.extensions === 1)).endsAt).toBe(group.endsAt + EXTEND_MS);

    await timePasses(crowd, ROUND_MS);
    expect((await m.take("carousel/state", (f) => f.carousel.phase === "break", 5000)).carousel.round).toBe(1);
    for (const x of [m, a, b, again]) x.close();
  });
});
