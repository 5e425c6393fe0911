import { runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { AttendanceResponse } from "../../core/contract/interactions";
import { admin } from "./helpers";
import { connect, liveDemo } from "./live/client";

describe("presence", () => {
  it("counts people (not tabs) for everyone and tells staff who arrives and leaves", async () => {
    const demo = await liveDemo();
    const mia = await demo.join("mia");
    const ada = await demo.join("ada");
    const adaTab = await demo.join("ada");
    const bram = await demo.join("bram");
    expect((await bram.take("presence/count", (f) => f.count === 3)).count).toBe(3);
    const joined = await mia.take("presence/people", (f) => f.joined.some((p) => p.name === "Bram de Vries"));
    expect(joined.joined.find((p) => p.name === "Bram de Vries")).toMatchObject({
      role: "participant",
      device: "desktop",
    });
    expect(bram.has("presence/people")).toBe(false);
    adaTab.close();
    ada.close();
    await mia.take("presence/people", (f) => f.left.includes(ada.welcome.you.registrationId));
    await bram.take("presence/count", (f) => f.count === 2);
    const staffView = await demo.join("pim");
    expect(staffView.snapshot!.state.presence.people?.map((p) => p.name).sort()).toEqual([
      "Bram de Vries",
      "Mia Moderator",
      "Pim Producer",
    ]);
    for (const c of [mia, bram, staffView]) c.close();
  });

  it("records every join and leave with the device class for attendance reports in D1", async () => {
    const demo = await liveDemo();
    const chloe = await connect(demo.sessionId, demo.cookies.chloe);
    chloe.send({ type: "hello", v: 1, device: "mobile" });
    await chloe.take("me");
    chloe.close();
    await new Promise((r) => setTimeout(r, 50));
    await runInDurableObject(demo.stub(), (room) => room.flushReports());
    const attendance = (await (
      await admin(`/api/admin/sessions/${demo.sessionId}/attendance`)
    ).json()) as AttendanceResponse;
    const visit = attendance.visits.find((v) => v.device === "mobile");
    expect(visit).toMatchObject({ role: "participant" });
    expect(visit!.leftAt).toBeGreaterThanOrEqual(visit!.joinedAt);
  });
});

describe("reactions", () => {
  it("adds up a burst of reactions before broadcasting them", async () => {
    const demo = await liveDemo();
    const [ada, bram] = [await demo.join("ada"), await demo.join("bram")];
    for (let i = 0; i < 4; i++) ada.send({ type: "reaction/send", emoji: "👏" });
    bram.send({ type: "reaction/send", emoji: "❤️" });
    const totals: Record<string, number> = {};
    let bursts = 0;
    while ((totals["👏"] ?? 0) + (totals["❤️"] ?? 0) < 5) {
      const burst = await bram.take("reaction/burst");
      bursts++;
      for (const [emoji, n] of Object.entries(burst.counts)) totals[emoji] = (totals[emoji] ?? 0) + n;
    }
    expect(totals).toEqual({ "👏": 4, "❤️": 1 });
    // Five reactions, sent at once, reach everyone as fewer frames than reactions.
    expect(bursts).toBeLessThan(5);
    for (const c of [ada, bram]) c.close();
  });

  it("drops reactions while switched off", async () => {
    const demo = await liveDemo();
    const [mia, ada] = [await demo.join("mia"), await demo.join("ada")];
    await mia.ok({ type: "reaction/configure", enabled: false });
    await ada.take("reaction/configured");
    ada.send({ type: "reaction/send", emoji: "🎉" });
    await new Promise((r) => setTimeout(r, 400));
    expect(ada.has("reaction/burst")).toBe(false);
    await mia.ok({ type: "reaction/configure", enabled: true });
    for (const c of [mia, ada]) c.close();
  });
});
