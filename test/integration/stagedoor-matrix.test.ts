import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { MatrixStateEvent } from "../../core/protocol";
import type { MeResponse, ProgrammeResponse } from "../../core/contract/index";
import { call, ORIGIN } from "./helpers";
import { connect, liveDemo, type DemoName, type LiveClient, type LiveDemo } from "./live/client";

/** The participants matrix on the demo's stage: who may appear, the star call, removal and opt-out. */

async function idOf(demo: LiveDemo, name: DemoName): Promise<string> {
  return ((await (await call("/api/me", { headers: { Cookie: demo.cookies[name] } })).json()) as MeResponse)
    .registration.id;
}

const names = (e: MatrixStateEvent) => e.matrix.tiles.map((t) => t.name);

/** The matrix state once it shows exactly `expected` (states in between, from earlier steps, are passed over). */
async function shows(mia: LiveClient, expected: string[]): Promise<MatrixStateEvent> {
  for (;;) {
    const state = await mia.take("matrix/state", () => true, 5000);
    if (JSON.stringify(names(state)) === JSON.stringify(expected)) return state;
  }
}

const configure = (extra: Record<string, unknown> = {}) => ({
  type: "matrix/configure",
  active: true,
  source: { kind: "here" },
  pageSize: 4,
  rotateSeconds: 0,
  ...extra,
});

describe("participants matrix", () => {
  it("shows only people who opted in, in a star around the output page, and drops anyone removed or withdrawn at once", async () => {
    const demo = await liveDemo();
    const [mia, pim, ada, bram, chloe] = await Promise.all([
      demo.join("mia"),
      demo.join("pim"),
      demo.join("ada"),
      demo.join("bram"),
      demo.join("chloe"),
    ]);
    expect(ada.me.me.matrix).toEqual({ shown: false, by: null });
    await ada.ok({ type: "matrix/consent", optIn: true });
    await chloe.ok({ type: "matrix/consent", optIn: true });
    await mia.ok(configure());
    const state = await shows(mia, ["Ada Lovelace", "Chloé Martin"]);
    expect(state.matrix).toMatchObject({ page: 0, pages: 1, total: 2, config: { active: true, pageSize: 4 } });
    expect(await ada.take("matrix/shown")).toMatchObject({ shown: true, by: demo.sessionId });
    await chloe.take("matrix/shown", (f) => f.shown);

    // The producer's output page is the hub; each person shown connects to it, and only to it.
    pim.send({ type: "rtc/join", call: "matrix", output: true });
    expect((await pim.take("rtc/joined")).peers).toEqual([]);
    ada.send({ type: "rtc/join", call: "matrix", media: { audio: false, video: true, screen: false } });
    expect((await ada.take("rtc/joined")).peers.map((p) => [p.name, p.output])).toEqual([["Pim Producer", true]]);
    chloe.send({ type: "rtc/join", call: "matrix", media: { audio: false, video: true, screen: false } });
    expect((await chloe.take("rtc/joined")).peers.map((p) => p.name)).toEqual(["Pim Producer"]);
    expect((await pim.take("rtc/peer-joined")).peer.name).toBe("Ada Lovelace");
    expect(ada.has("rtc/peer-joined")).toBe(false);
    // Bram never opted in: he is not on the grid and cannot get into its call; a participant is no output.
    bram.send({ type: "rtc/join", call: "matrix" });
    expect(await bram.take("error")).toMatchObject({ code: "not_allowed", field: "call" });
    bram.send({ type: "rtc/join", call: "matrix", output: true });
    expect(await bram.take("error")).toMatchObject({ code: "not_allowed", field: "call" });
    expect(bram.has("matrix/shown")).toBe(false);
    const asOutput = await call(`/api/sessions/${demo.sessionId}/call/join`, {
      method: "POST",
      headers: { Cookie: demo.cookies.bram, Origin: ORIGIN },
      body: JSON.stringify({ call: "matrix", output: true }),
    });
    expect(asOutput.status).toBe(403);

    // Attributes narrow it: only VIP tickets now. Chloé's camera leaves the call.
    await mia.ok(configure({ conditions: [{ attribute: "ticket", op: "eq", values: ["vip"] }] }));
    await shows(mia, ["Ada Lovelace"]);
    expect(await chloe.take("matrix/shown", (f) => !f.shown)).toMatchObject({ shown: false });
    expect(await chloe.take("rtc/removed")).toMatchObject({ call: "matrix" });

    // A moderator removes Ada: gone from the grid and the call at once, and she stays out.
    const adaId = await idOf(demo, "ada");
    await mia.ok({ type: "matrix/remove", registrationId: adaId, removed: true });
    expect(await ada.take("matrix/shown", (f) => !f.shown)).toMatchObject({ shown: false });
    expect(await ada.take("rtc/removed")).toMatchObject({ call: "matrix" });
    expect((await shows(mia, [])).matrix.removed).toEqual([{ registrationId: adaId, name: "Ada Lovelace" }]);
    ada.send({ type: "rtc/join", call: "matrix" });
    expect(await ada.take("error")).toMatchObject({ code: "not_allowed" });

    // Let her back, everyone again, one per page: pages turn on request.
    await mia.ok({ type: "matrix/remove", registrationId: adaId, removed: false });
    expect((await shows(mia, ["Ada Lovelace"])).matrix.removed).toEqual([]);
    await mia.ok(configure({ pageSize: 1 }));
    expect((await shows(mia, ["Ada Lovelace"])).matrix).toMatchObject({ page: 0, pages: 2 });
    await mia.ok({ type: "matrix/page" });
    expect((await shows(mia, ["Chloé Martin"])).matrix).toMatchObject({ page: 1, pages: 2 });
    await ada.take("matrix/shown", (f) => !f.shown);

    // Chloé withdraws: her camera stops before her choice is acknowledged, and the grid moves on.
    await chloe.ok({ type: "matrix/consent", optIn: false });
    expect(chloe.has("matrix/shown")).toBe(true);
    expect((await chloe.take("matrix/shown", (f) => !f.shown)).shown).toBe(false);
    await shows(mia, ["Ada Lovelace"]);
    const stageDoor = (await (
      await call(`/api/sessions/${demo.sessionId}/stage-door`, { headers: { Cookie: demo.cookies.chloe } })
    ).json()) as {
      matrixOptIn: boolean;
    };
    expect(stageDoor.matrixOptIn).toBe(false);

    // Switched off: nobody is shown.
    await mia.ok(configure({ active: false }));
    await shows(mia, []);
    await ada.take("matrix/shown", (f) => !f.shown);
    await ada.ok({ type: "matrix/consent", optIn: false });
    for (const c of [mia, pim, ada, bram, chloe]) c.close();
  });

  it("takes opted-in people from chosen breakouts, each sending through the breakout they are in", async () => {
    const demo = await liveDemo();
    const programme = (await (
      await call("/api/me/programme", { headers: { Cookie: demo.cookies.mia } })
    ).json()) as ProgrammeResponse;
    const critique = programme.sessions.find((s) => s.title.includes("design critique"))!.id;
    const mia = await demo.join("mia");
    const inBreakout = async (name: DemoName) => {
      const c = await connect(critique, demo.cookies[name]);
      await c.hello();
      return c;
    };
    const [ada, bram, pim] = [await inBreakout("ada"), await inBreakout("bram"), await inBreakout("pim")];
    await ada.ok({ type: "matrix/consent", optIn: true });

    expect(await mia.mutate(configure({ source: { kind: "sessions", sessionIds: ["ses_not_here"] } }))).toMatchObject({
      type: "error",
      code: "bad_frame",
      field: "source.sessionIds",
    });
    await mia.ok(configure({ source: { kind: "sessions", sessionIds: [critique] } }));
    const state = await shows(mia, ["Ada Lovelace"]);
    expect(state.matrix.tiles[0]!.sessionId).toBe(critique);
    expect(await ada.take("matrix/shown")).toMatchObject({ shown: true, by: demo.sessionId });

    // The output page receives her in the breakout's own matrix call.
    pim.send({ type: "rtc/join", call: "matrix", output: true });
    await pim.take("rtc/joined");
    ada.send({ type: "rtc/join", call: "matrix", media: { audio: false, video: true, screen: false } });
    expect((await ada.take("rtc/joined")).peers.map((p) => p.name)).toEqual(["Pim Producer"]);
    expect(bram.has("matrix/shown")).toBe(false);

    // Leaving the breakout takes her off the next page.
    ada.close();
    await mia.ok(configure({ source: { kind: "sessions", sessionIds: [critique] } }));
    await shows(mia, []);
    await mia.ok(configure({ active: false }));
    const back = await inBreakout("ada");
    await back.ok({ type: "matrix/consent", optIn: false });
    for (const c of [mia, bram, pim, back]) c.close();
  });

  it("turns the page on the object's alarm when the rotation is due", async () => {
    const demo = await liveDemo();
    const [mia, ada, chloe] = [await demo.join("mia"), await demo.join("ada"), await demo.join("chloe")];
    await ada.ok({ type: "matrix/consent", optIn: true });
    await chloe.ok({ type: "matrix/consent", optIn: true });
    await mia.ok(configure({ pageSize: 1, rotateSeconds: 30 }));
    const first = await shows(mia, ["Ada Lovelace"]);
    expect(first.matrix.nextTurnAt).toBeGreaterThan(Date.now() + 20_000);

    // Pretend the 30 s have passed, then let the alarm fire.
    await runInDurableObject(demo.stub(), (_room, state) => {
      const raw = state.storage.sql
        .exec<{ value: string }>("SELECT value FROM stagedoor_meta WHERE key = 'matrix_screen'")
        .one().value;
      state.storage.sql.exec(
        "UPDATE stagedoor_meta SET value = ? WHERE key = 'matrix_screen'",
        JSON.stringify({ ...JSON.parse(raw), nextTurnAt: 1 }),
      );
      state.storage.sql.exec("UPDATE alarms SET at = 1 WHERE name = 'stagedoor'");
    });
    expect(await runDurableObjectAlarm(demo.stub())).toBe(true);
    expect((await shows(mia, ["Chloé Martin"])).matrix).toMatchObject({ page: 1, pages: 2 });
    expect(await chloe.take("matrix/shown", (f) => f.shown)).toMatchObject({ shown: true });
    expect(await ada.take("matrix/shown", (f) => !f.shown)).toMatchObject({ shown: false });

    await mia.ok(configure({ active: false }));
    await shows(mia, []);
    await ada.ok({ type: "matrix/consent", optIn: false });
    await chloe.ok({ type: "matrix/consent", optIn: false });
    for (const c of [mia, ada, chloe]) c.close();
  });
});
