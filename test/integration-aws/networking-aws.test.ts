import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import type { CarouselMine } from "../../core/protocol";
import type { CallJoinResponse } from "../../core/contract/media";
import { call, ORIGIN } from "../integration/helpers";
import { connect } from "../integration/live/client";
import { freshCrowd, type Person } from "../integration/networking/people";
import { fakeAws } from "./fake";

/** Networking's calls (1:1s in the hub, carousel pairs) on the Chime path, against the fake AWS endpoint. */
interface FakeState {
  meetings: {
    MeetingId: string;
    ExternalMeetingId: string;
    attendees: { AttendeeId: string; ExternalUserId: string }[];
  }[];
}
type ChimeJoin = Extract<CallJoinResponse, { provider: "chime" }>;

const joinCall = (cookie: string, sessionId: string, callId: string) =>
  call(`/api/sessions/${sessionId}/call/join`, {
    method: "POST",
    headers: { Cookie: cookie, Origin: ORIGIN, "Content-Type": "application/json" },
    body: JSON.stringify({ call: callId }),
  });
const meetings = async () => (await fakeAws.state<FakeState>()).meetings;

beforeEach(async () => {
  await fakeAws.reset();
  await env.DB.batch(
    ["media_channels", "media_meetings", "media_attendees"].map((t) => env.DB.prepare(`DELETE FROM ${t}`)),
  );
});

describe("networking calls on Chime SDK meetings", () => {
  it("gives an accepted 1:1 a meeting of its own that only the two can join", async () => {
    const crowd = await freshCrowd([{ name: "Ada" }, { name: "Bram" }, { name: "Chloé" }]);
    const [ada, bram, chloe] = crowd.people as [Person, Person, Person];
    const [a, b] = [await crowd.hub(ada), await crowd.hub(bram)];
    const inviteId = (await a.ok({ type: "invite/send", to: bram.id })).entityId!;
    const chatId = (await b.ok({ type: "invite/answer", inviteId, accept: true })).entityId!;

    const adaJoin = (await (await joinCall(ada.cookie, "hub", chatId)).json()) as ChimeJoin;
    const bramJoin = (await (await joinCall(bram.cookie, "hub", chatId)).json()) as ChimeJoin;
    expect(adaJoin).toMatchObject({ provider: "chime", call: chatId });
    expect(bramJoin.meeting.MeetingId).toBe(adaJoin.meeting.MeetingId);
    expect((await joinCall(chloe.cookie, "hub", chatId)).status).toBe(403);
    const [meeting] = await meetings();
    expect(meeting!.attendees.map((x) => x.ExternalUserId).sort()).toEqual([ada.id, bram.id].sort());
    expect(await meetings()).toHaveLength(1);

    // Either one hangs up: the chat is over for both, and so is its meeting.
    await a.ok({ type: "invite/hangup", chatId });
    await expect.poll(meetings).toEqual([]);
    expect((await joinCall(bram.cookie, "hub", chatId)).status).toBe(403);
  });

  it("gives each carousel pair a meeting of its own, joined by its members and staff only", async () => {
    const crowd = await freshCrowd([
      { name: "Mia", role: "moderator" },
      { name: "Ada" },
      { name: "Bram" },
      { name: "Chloé" },
      { name: "Dirk" },
    ]);
    const [mia, ...people] = crowd.people as [Person, Person, Person, Person, Person];
    const open = async (p: Person) => {
      const client = await connect(crowd.carouselId, p.cookie);
      await client.hello();
      await client.take("carousel/you");
      return client;
    };
    const m = await open(mia);
    const clients = [];
    for (const p of people) {
      const c = await open(p);
      await c.ok({ type: "carousel/join" });
      clients.push(c);
    }
    await m.ok({ type: "carousel/start" });
    const groups = await Promise.all(
      clients.map(async (c) => {
        const mine = (await c.take("carousel/you", (f) => f.you.status === "paired", 5000)).you as Extract<
          CarouselMine,
          { status: "paired" }
        >;
        return mine.group;
      }),
    );
    const calls = [...new Set(groups.map((g) => g.call))];
    expect(calls).toHaveLength(2);

    const joins: ChimeJoin[] = [];
    for (const [i, p] of people.entries()) {
      const res = await joinCall(p.cookie, crowd.carouselId, groups[i]!.call);
      expect(res.status).toBe(200);
      joins.push((await res.json()) as ChimeJoin);
    }
    // A pair is one meeting; the two pairs are two meetings.
    expect(new Set(joins.map((j) => j.meeting.MeetingId)).size).toBe(2);
    expect(await meetings()).toHaveLength(2);
    for (const [i, p] of people.entries()) {
      const partnerIds = groups[i]!.partners.map((x) => x.registrationId);
      const meeting = (await meetings()).find((x) => x.MeetingId === joins[i]!.meeting.MeetingId)!;
      expect(meeting.attendees.map((x) => x.ExternalUserId).sort()).toEqual([p.id, ...partnerIds].sort());
    }
    // Someone from the other pair is not let in; the moderator is.
    const stranger = people.findIndex((_, i) => groups[i]!.call !== calls[0]);
    expect((await joinCall(people[stranger]!.cookie, crowd.carouselId, calls[0]!)).status).toBe(403);
    expect((await joinCall(mia.cookie, crowd.carouselId, calls[0]!)).status).toBe(200);

    // The moderator stops the carousel: the pairs' meetings end with their calls.
    await m.ok({ type: "carousel/stop" });
    await expect.poll(meetings).toEqual([]);
  });
});
