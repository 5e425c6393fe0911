import { evictDurableObject, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { StageDoorResponse } from "../../core/contract/media";
import type { MeResponse } from "../../core/contract/index";
import { call, ORIGIN } from "./helpers";
import { connect, liveDemo, type DemoName, type LiveDemo } from "./live/client";

/** Raise hand → stream room, with real sockets to the demo's stage and its stream room. */

async function idOf(demo: LiveDemo, name: DemoName): Promise<string> {
  const me = (await (await call("/api/me", { headers: { Cookie: demo.cookies[name] } })).json()) as MeResponse;
  return me.registration.id;
}

async function streamRoomOf(demo: LiveDemo): Promise<string> {
  const res = await call(`/api/sessions/${demo.sessionId}/stage-door`, { headers: { Cookie: demo.cookies.ada } });
  const body = (await res.json()) as StageDoorResponse;
  expect(body.streamRoomId).toEqual(expect.any(String));
  return body.streamRoomId!;
}

const joinCall = (sessionId: string, cookie: string, body: unknown = {}) =>
  call(`/api/sessions/${sessionId}/call/join`, {
    method: "POST",
    headers: { Cookie: cookie, Origin: ORIGIN },
    body: JSON.stringify(body),
  });

const upgrade = (sessionId: string, cookie: string) =>
  call(`/api/sessions/${sessionId}/ws`, { headers: { Upgrade: "websocket", Cookie: cookie, Origin: ORIGIN } });

describe("raise hand → stream room", () => {
  it("queues hands in order, approves one into the stream room's call and nobody else", async () => {
    const demo = await liveDemo();
    const room = await streamRoomOf(demo);
    const [adaId, bramId] = [await idOf(demo, "ada"), await idOf(demo, "bram")];
    // Ada ran the tech check; the queue shows its verdict to moderators.
    await call("/api/me/tech-check", {
      method: "POST",
      headers: { Cookie: demo.cookies.ada, "Content-Type": "application/json" },
      body: JSON.stringify({ overall: "warn", checks: [{ id: "camera", verdict: "warn" }] }),
    });
    const mia = await demo.join("mia");
    const ada = await demo.join("ada");
    const bram = await demo.join("bram");
    expect(ada.me.me.hand).toEqual({ status: "none" });

    await ada.ok({ type: "hand/raise", topic: "  A question about\tthe keynote " });
    expect((await ada.take("hand/mine")).hand).toMatchObject({
      status: "waiting",
      position: 1,
      topic: "A question about the keynote",
    });
    await bram.ok({ type: "hand/raise" });
    expect((await bram.take("hand/mine")).hand).toMatchObject({ status: "waiting", position: 2, topic: "" });

    const seen = [await mia.take("hand/upsert"), await mia.take("hand/upsert")].map((e) => e.hand);
    expect(seen.map((h) => [h.name, h.status, h.techCheck])).toEqual([
      ["Ada Lovelace", "waiting", "warn"],
      ["Bram de Vries", "waiting", null],
    ]);
    // Participants learn nothing about other people's hands.
    expect(ada.has("hand/upsert")).toBe(false);

    // Before approval Ada is a stranger to the studio.
    expect((await joinCall(room, demo.cookies.ada)).status).toBe(403);
    expect((await upgrade(room, demo.cookies.ada)).status).toBe(403);

    await mia.ok({ type: "hand/moderate", registrationId: adaId, action: "approve" });
    expect((await ada.take("hand/mine")).hand).toEqual({
      status: "live",
      streamRoomId: room,
      approvedAt: expect.any(Number),
    });
    expect((await bram.take("hand/mine")).hand).toMatchObject({ status: "waiting", position: 1 });
    expect((await mia.take("hand/upsert")).hand).toMatchObject({ registrationId: adaId, status: "live" });

    expect((await joinCall(room, demo.cookies.ada)).status).toBe(200);
    expect((await joinCall(room, demo.cookies.bram)).status).toBe(403);
    expect((await upgrade(room, demo.cookies.bram)).status).toBe(403);
    expect((await joinCall(room, demo.cookies.pim)).status).toBe(200);

    // In the studio: Ada and the producer see each other in the room's call.
    const adaRoom = await connect(room, demo.cookies.ada);
    await adaRoom.hello();
    adaRoom.send({ type: "rtc/join", call: "main", media: { audio: true, video: true, screen: false } });
    await adaRoom.take("rtc/joined");
    const pimRoom = await connect(room, demo.cookies.pim);
    await pimRoom.hello();
    pimRoom.send({ type: "rtc/join", call: "main" });
    expect((await pimRoom.take("rtc/joined")).peers.map((p) => p.name)).toEqual(["Ada Lovelace"]);

    // The producer's clean-feed page is a place of its own: it takes nobody's.
    const feed = await connect(room, demo.cookies.pim);
    await feed.hello();
    feed.send({ type: "rtc/join", call: "main", output: true });
    expect((await feed.take("rtc/joined")).peers.map((p) => p.name).sort()).toEqual(["Ada Lovelace", "Pim Producer"]);
    expect((await adaRoom.take("rtc/peer-joined", (f) => f.peer.output === true)).peer).toMatchObject({
      name: "Pim Producer",
    });
    expect(pimRoom.has("rtc/removed")).toBe(false);

    // The moderator ends the contribution: Ada is back in the audience, out of the call at once.
    await mia.ok({ type: "hand/moderate", registrationId: adaId, action: "end" });
    expect((await ada.take("hand/mine")).hand).toEqual({ status: "none", reason: "ended" });
    expect((await pimRoom.take("rtc/peer-left")).reason).toBe("removed");
    await expect.poll(() => adaRoom.closed?.code).toBe(4003);
    expect((await joinCall(room, demo.cookies.ada)).status).toBe(403);
    expect((await mia.take("hand/removed")).registrationId).toBe(adaId);

    await bram.ok({ type: "hand/lower" });
    for (const c of [mia, ada, bram, adaRoom, pimRoom, feed]) c.close();
    expect(bramId).toEqual(expect.any(String));
  });

  it("dismisses, lowers and moves everyone behind up a place", async () => {
    const demo = await liveDemo();
    const [mia, ada, bram, chloe] = [
      await demo.join("mia"),
      await demo.join("ada"),
      await demo.join("bram"),
      await demo.join("chloe"),
    ];
    await ada.ok({ type: "hand/raise", topic: "first" });
    await bram.ok({ type: "hand/raise", topic: "second" });
    await chloe.ok({ type: "hand/raise", topic: "third" });
    expect((await chloe.take("hand/mine")).hand).toMatchObject({ position: 3 });

    // Raising again changes the topic and keeps the place.
    await ada.ok({ type: "hand/raise", topic: "first, reworded" });
    expect(
      (await ada.take("hand/mine", (f) => f.hand.status === "waiting" && f.hand.topic === "first, reworded")).hand,
    ).toMatchObject({ position: 1 });

    await mia.ok({ type: "hand/moderate", registrationId: await idOf(demo, "ada"), action: "dismiss" });
    expect((await ada.take("hand/mine", (f) => f.hand.status === "none")).hand).toEqual({
      status: "none",
      reason: "dismissed",
    });
    expect((await chloe.take("hand/mine")).hand).toMatchObject({ position: 2 });

    await bram.ok({ type: "hand/lower" });
    expect((await bram.take("hand/mine", (f) => f.hand.status === "none")).hand).toEqual({
      status: "none",
      reason: "lowered",
    });
    expect((await chloe.take("hand/mine")).hand).toMatchObject({ position: 1 });
    // Lowering twice (two tabs) is no error; a dismissed hand cannot be dismissed again.
    await bram.ok({ type: "hand/lower" });
    expect(
      await mia.mutate({ type: "hand/moderate", registrationId: await idOf(demo, "ada"), action: "dismiss" }),
    ).toMatchObject({ type: "error", code: "not_found" });
    // Ending a contribution that is not live is refused.
    expect(
      await mia.mutate({ type: "hand/moderate", registrationId: await idOf(demo, "chloe"), action: "end" }),
    ).toMatchObject({ type: "error", code: "conflict" });

    // A topic is short: 140 characters at most. Staff do not raise hands.
    expect(await ada.mutate({ type: "hand/raise", topic: "x".repeat(141) })).toMatchObject({
      type: "error",
      code: "bad_frame",
      field: "topic",
    });
    expect(await mia.mutate({ type: "hand/raise" })).toMatchObject({ type: "error", code: "not_allowed" });

    await chloe.ok({ type: "hand/lower" });
    for (const c of [mia, ada, bram, chloe]) c.close();
  });

  it("refuses every moderator action to participants and producers, and applies a resent approval once", async () => {
    const demo = await liveDemo();
    const room = await streamRoomOf(demo);
    const [mia, pim, ada, chloe] = [
      await demo.join("mia"),
      await demo.join("pim"),
      await demo.join("ada"),
      await demo.join("chloe"),
    ];
    const chloeId = await idOf(demo, "chloe");
    await chloe.ok({ type: "hand/raise", topic: "me" });
    const actions = [
      ...(["approve", "dismiss", "end"] as const).map((action) => ({
        type: "hand/moderate",
        registrationId: chloeId,
        action,
      })),
      { type: "matrix/configure", active: true, source: { kind: "here" }, pageSize: 4, rotateSeconds: 0 },
      { type: "matrix/page", page: 1 },
      { type: "matrix/remove", registrationId: chloeId, removed: true },
    ];
    for (const who of [pim, ada, chloe]) {
      for (const action of actions)
        expect(await who.mutate(action)).toMatchObject({ type: "error", code: "not_allowed" });
    }
    // Nobody got into the studio on the way: the room still refuses Chloé.
    expect((await joinCall(room, demo.cookies.chloe)).status).toBe(403);

    const approval = { type: "hand/moderate", id: "approve-chloe-once", registrationId: chloeId, action: "approve" };
    await mia.ok(approval);
    expect(await mia.mutate(approval)).toMatchObject({ type: "ack", duplicate: true });
    expect((await joinCall(room, demo.cookies.chloe)).status).toBe(200);
    await chloe.ok({ type: "hand/lower" });
    expect((await chloe.take("hand/mine", (f) => f.hand.status === "none")).hand).toEqual({
      status: "none",
      reason: "lowered",
    });
    expect((await joinCall(room, demo.cookies.chloe)).status).toBe(403);
    for (const c of [mia, pim, ada, chloe]) c.close();
  });

  it("keeps the queue, its order and who is live through an eviction", async () => {
    const demo = await liveDemo();
    const room = await streamRoomOf(demo);
    const [ada, bram, chloe] = [await demo.join("ada"), await demo.join("bram"), await demo.join("chloe")];
    await bram.ok({ type: "hand/raise", topic: "bram first" });
    await ada.ok({ type: "hand/raise", topic: "ada second" });
    await chloe.ok({ type: "hand/raise" });
    const mia = await demo.join("mia");
    await mia.ok({ type: "hand/moderate", registrationId: await idOf(demo, "chloe"), action: "approve" });

    await runInDurableObject(demo.stub(), () => undefined);
    await evictDurableObject(demo.stub(), { webSockets: "close" });

    const back = await demo.join("mia");
    expect(back.snapshot?.state.hands?.map((h) => [h.name, h.status, h.topic])).toEqual([
      ["Bram de Vries", "waiting", "bram first"],
      ["Ada Lovelace", "waiting", "ada second"],
      ["Chloé Martin", "live", ""],
    ]);
    const adaBack = await demo.join("ada");
    expect(adaBack.me.me.hand).toMatchObject({ status: "waiting", position: 2, topic: "ada second" });
    const chloeBack = await demo.join("chloe");
    expect(chloeBack.me.me.hand).toEqual({ status: "live", streamRoomId: room, approvedAt: expect.any(Number) });
    expect((await joinCall(room, demo.cookies.chloe)).status).toBe(200);

    for (const name of ["bram", "ada"] as const) {
      const c = await demo.join(name);
      await c.ok({ type: "hand/lower" });
      c.close();
    }
    await chloeBack.ok({ type: "hand/lower" });
    for (const c of [back, adaBack, chloeBack]) c.close();
  });
});
