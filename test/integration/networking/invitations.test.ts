import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { InviteLimits } from "../../../core/protocol";
import { env } from "cloudflare:workers";
import type { EngagementReport, PersonRow, ReportPage } from "../../../core/contract/reports";
import { adminJson, call, ORIGIN } from "../helpers";
import { connect } from "../live/client";
import { api, freshCrowd, type Crowd } from "./people";

const joinCall = (cookie: string, callId: string) =>
  call("/api/sessions/hub/call/join", {
    method: "POST",
    headers: { Cookie: cookie, Origin: ORIGIN, "Content-Type": "application/json" },
    body: JSON.stringify({ call: callId }),
  });

/** Moves time forward for the hub: every timestamp it keeps goes `ms` into the past. */
async function hubAges(crowd: Crowd, ms: number): Promise<void> {
  await runInDurableObject(crowd.hubStub(), (_room, state) => {
    state.storage.sql.exec(
      "UPDATE invites SET sent_at = sent_at - ?, expires_at = expires_at - ?, answered_at = answered_at - ?",
      ms,
      ms,
      ms,
    );
    state.storage.sql.exec("UPDATE alarms SET at = at - ? WHERE name = 'invites'", ms);
  });
}

describe("one-to-one invitations", () => {
  it("reach the invitee wherever they are; accepted, both get a private call", async () => {
    const crowd = await freshCrowd([{ name: "Ada", organisation: "Engines" }, { name: "Bram" }, { name: "Chloé" }]);
    const [ada, bram, chloe] = crowd.people as [Crowd["people"][0], Crowd["people"][0], Crowd["people"][0]];
    const a = await crowd.hub(ada);
    // Bram has the portal open twice: both tabs hear of it.
    const [b1, b2] = [await crowd.hub(bram), await crowd.hub(bram)];
    const { entityId: inviteId } = await a.ok({ type: "invite/send", to: bram.id });
    for (const tab of [b1, b2]) {
      const notice = await tab.take("invite/notice");
      expect(notice).toMatchObject({ kind: "received", inviteId, person: { name: "Ada", organisation: "Engines" } });
      const { you } = await tab.take("invite/you", (f) => f.you.incoming.length === 1);
      expect(you.incoming[0]!.expiresAt - you.incoming[0]!.sentAt).toBe(InviteLimits.ttlMs);
    }
    expect((await a.take("invite/you", (f) => f.you.outgoing.length === 1)).you.outgoing[0]!.to.name).toBe("Bram");

    const accepted = await b2.ok({ type: "invite/answer", inviteId: inviteId!, accept: true });
    const chatId = accepted.entityId!;
    expect(await a.take("invite/notice", (f) => f.kind === "accepted")).toMatchObject({ person: { name: "Bram" } });
    const adaChat = (await a.take("invite/you", (f) => f.you.chat !== null)).you.chat!;
    const bramChat = (await b1.take("invite/you", (f) => f.you.chat !== null)).you.chat!;
    expect(adaChat).toMatchObject({ id: chatId, call: chatId, with: { name: "Bram" } });
    expect(bramChat).toMatchObject({ id: chatId, with: { name: "Ada" } });

    // The call is theirs alone: the join endpoint and the hub's own admission agree.
    expect((await joinCall(ada.cookie, chatId)).status).toBe(200);
    expect(await (await joinCall(bram.cookie, chatId)).json()).toMatchObject({ provider: "mesh", call: chatId });
    const stranger = await joinCall(chloe.cookie, chatId);
    expect(stranger.status).toBe(403);
    a.send({ type: "rtc/join", call: chatId });
    expect((await a.take("rtc/joined")).call).toBe(chatId);
    b1.send({ type: "rtc/join", call: chatId });
    expect((await a.take("rtc/peer-joined")).peer.name).toBe("Bram");
    // Nobody moderates a private call, staff included.
    a.send({ type: "rtc/end", call: chatId });
    expect(await a.take("error", (f) => f.field === "type")).toMatchObject({ code: "not_allowed" });

    // Either hangs up: it is over for both, and the call closes behind them.
    await b1.ok({ type: "invite/hangup", chatId });
    expect(await a.take("invite/notice", (f) => f.kind === "ended")).toMatchObject({ person: { name: "Bram" } });
    expect((await a.take("rtc/ended")).call).toBe(chatId);
    expect((await a.take("invite/you", (f) => f.you.chat === null)).you.chat).toBeNull();
    expect((await joinCall(ada.cookie, chatId)).status).toBe(403);

    // The organizer's engagement report counts the chat once, for each of the two.
    await runInDurableObject(crowd.hubStub(), (hub) => hub.flushReports());
    const report = `/api/admin/events/${crowd.eventId}/reports`;
    const chats = (await adminJson<EngagementReport>(`${report}/engagement`)).body.meetings[0];
    expect(chats).toEqual({ sessionId: null, title: "", kind: "chat", meetings: 1, people: 2 });
    const people = (await adminJson<ReportPage<PersonRow>>(`${report}/people`)).body.items;
    expect(people.map((p) => [p.name, p.chats]).sort()).toEqual([
      ["Ada", 1],
      ["Bram", 1],
      ["Chloé", 0],
    ]);
    const rows = await env.DB.prepare("SELECT started_at, ended_at FROM networking_meetings WHERE meeting_id = ?")
      .bind(chatId)
      .all<{ started_at: number; ended_at: number | null }>();
    // Both were in it from the start to the hang-up.
    expect(rows.results).toHaveLength(2);
    for (const r of rows.results) expect(r.ended_at).toBeGreaterThanOrEqual(r.started_at);
    for (const c of [a, b1, b2]) c.close();
  });

  it("can be declined, and then the inviter must wait; a block refuses them without saying so", async () => {
    const crowd = await freshCrowd([{ name: "Ada" }, { name: "Bram" }]);
    const [ada, bram] = crowd.people as [Crowd["people"][0], Crowd["people"][0]];
    const [a, b] = [await crowd.hub(ada), await crowd.hub(bram)];
    const first = (await a.ok({ type: "invite/send", to: bram.id })).entityId!;
    await b.ok({ type: "invite/answer", inviteId: first, accept: false });
    expect(await a.take("invite/notice", (f) => f.kind === "declined")).toMatchObject({
      inviteId: first,
      person: { name: "Bram" },
    });

    const again = await a.mutate({ type: "invite/send", to: bram.id });
    expect(again).toMatchObject({ type: "error", code: "rate_limited" });
    const wait = again.type === "error" ? again.retryAfterMs! : 0;
    expect(wait).toBeGreaterThan(InviteLimits.declineCooldownMs - 60_000);
    expect(wait).toBeLessThanOrEqual(InviteLimits.declineCooldownMs);

    // Once the cooldown is over, a new invitation goes through; Bram declines it and blocks Ada.
    await hubAges(crowd, InviteLimits.declineCooldownMs);
    const second = (await a.ok({ type: "invite/send", to: bram.id })).entityId!;
    await b.ok({ type: "invite/answer", inviteId: second, accept: false, block: true });
    expect((await b.take("invite/you", (f) => f.you.blocked.length === 1)).you.blocked[0]!.name).toBe("Ada");
    await hubAges(crowd, InviteLimits.perPairWindowMs);
    const blocked = await a.mutate({ type: "invite/send", to: bram.id });
    expect(blocked).toMatchObject({ code: "not_allowed", message: "This person is not taking invitations right now." });
    b.frames.length = 0;
    // Unblocked, Ada may invite again.
    await b.ok({ type: "invite/block", registrationId: ada.id, blocked: false });
    await a.ok({ type: "invite/send", to: bram.id });
    expect((await b.take("invite/notice")).kind).toBe("received");
    for (const c of [a, b]) c.close();
  });

  it("expire on the hub's alarm, and can be withdrawn", async () => {
    const crowd = await freshCrowd([{ name: "Ada" }, { name: "Bram" }]);
    const [ada, bram] = crowd.people as [Crowd["people"][0], Crowd["people"][0]];
    const [a, b] = [await crowd.hub(ada), await crowd.hub(bram)];
    const inviteId = (await a.ok({ type: "invite/send", to: bram.id })).entityId!;
    await hubAges(crowd, InviteLimits.ttlMs);
    expect(await runDurableObjectAlarm(crowd.hubStub())).toBe(true);
    expect(await a.take("invite/notice", (f) => f.kind === "expired")).toMatchObject({
      inviteId,
      person: { name: "Bram" },
    });
    expect(await b.take("invite/notice", (f) => f.kind === "expired")).toMatchObject({
      inviteId,
      person: { name: "Ada" },
    });
    expect((await b.take("invite/you", (f) => f.you.incoming.length === 0)).you.incoming).toEqual([]);
    expect(await b.mutate({ type: "invite/answer", inviteId, accept: true })).toMatchObject({ code: "closed" });

    const next = (await a.ok({ type: "invite/send", to: bram.id })).entityId!;
    await a.ok({ type: "invite/withdraw", inviteId: next });
    expect(await b.take("invite/notice", (f) => f.kind === "withdrawn")).toMatchObject({ inviteId: next });
    expect(await b.mutate({ type: "invite/answer", inviteId: next, accept: true })).toMatchObject({ code: "closed" });
    for (const c of [a, b]) c.close();
  });

  it("are refused to people who turned them off, and called off when someone does", async () => {
    const crowd = await freshCrowd([{ name: "Ada" }, { name: "Bram" }, { name: "Chloé", listed: false }]);
    const [ada, bram, chloe] = crowd.people as [Crowd["people"][0], Crowd["people"][0], Crowd["people"][0]];
    const [a, b] = [await crowd.hub(ada), await crowd.hub(bram)];
    // Not listed: not invitable, whoever knows their id.
    expect(await a.mutate({ type: "invite/send", to: chloe.id })).toMatchObject({ code: "not_allowed" });
    expect(await a.mutate({ type: "invite/send", to: ada.id })).toMatchObject({ code: "not_allowed" });

    const inviteId = (await a.ok({ type: "invite/send", to: bram.id })).entityId!;
    await b.take("invite/notice");
    const off = await api("/api/me/preferences", bram.cookie, { method: "PATCH", json: { invitations: false } });
    expect(off.status).toBe(200);
    expect(await a.take("invite/notice", (f) => f.kind === "cancelled")).toMatchObject({
      inviteId,
      person: { name: "Bram" },
    });
    expect((await b.take("invite/you", (f) => f.you.incoming.length === 0)).you.incoming).toEqual([]);
    expect(await a.mutate({ type: "invite/send", to: bram.id })).toMatchObject({ code: "not_allowed" });
    for (const c of [a, b]) c.close();
  });

  it("are rate limited per pair, saying when to try again, and only a few wait at once", async () => {
    const crowd = await freshCrowd([
      { name: "Ada" },
      { name: "Bram" },
      { name: "Chloé" },
      { name: "Dirk" },
      { name: "Eve" },
    ]);
    const [ada, bram, ...others] = crowd.people as [Crowd["people"][0], Crowd["people"][0], ...Crowd["people"]];
    const a = await crowd.hub(ada);
    for (let i = 0; i < InviteLimits.perPairMax; i++) {
      const id = (await a.ok({ type: "invite/send", to: bram.id })).entityId!;
      await a.ok({ type: "invite/withdraw", inviteId: id });
    }
    const pair = await a.mutate({ type: "invite/send", to: bram.id });
    expect(pair).toMatchObject({ type: "error", code: "rate_limited" });
    expect(pair.type === "error" && pair.retryAfterMs).toBeGreaterThan(InviteLimits.perPairWindowMs - 60_000);

    // Three waiting at once at most.
    for (const other of others) {
      const answer = await a.mutate({ type: "invite/send", to: other.id });
      if (others.indexOf(other) < InviteLimits.maxOutstanding) expect(answer.type).toBe("ack");
      else expect(answer).toMatchObject({ code: "limit_reached" });
    }
    a.close();
  });

  it("belong to the hub only, and the hub takes no session features", async () => {
    const crowd = await freshCrowd([{ name: "Ada" }, { name: "Bram" }]);
    const [ada, bram] = crowd.people as [Crowd["people"][0], Crowd["people"][0]];
    const a = await crowd.hub(ada);
    expect(await a.mutate({ type: "chat/send", text: "hello hub" })).toMatchObject({
      code: "not_allowed",
      field: "type",
    });
    expect(await a.mutate({ type: "carousel/join" })).toMatchObject({ code: "not_allowed" });
    const session = await connect(crowd.carouselId, ada.cookie);
    session.send({ type: "hello", v: 1 });
    await session.take("welcome");
    expect(await session.mutate({ type: "invite/send", to: bram.id })).toMatchObject({
      code: "not_allowed",
      field: "type",
    });
    for (const c of [a, session]) c.close();
  });
});
