import { describe, expect, it } from "vitest";
import type { ProgrammeResponse } from "../../core/contract/index";
import { call } from "./helpers";
import { liveDemo } from "./live/client";

async function breakoutOf(cookie: string): Promise<string> {
  const programme = (await (
    await call("/api/me/programme", { headers: { Cookie: cookie } })
  ).json()) as ProgrammeResponse;
  return programme.sessions.find((s) => s.title.includes("design critique"))!.id;
}

describe("moderator sends everyone to another session", () => {
  it("tells everyone in the session where to go, and a late joiner sees it too", async () => {
    const demo = await liveDemo();
    const breakout = await breakoutOf(demo.cookies.mia);
    const mia = await demo.join("mia");
    const ada = await demo.join("ada");
    await mia.ok({ type: "nav/send", to: breakout });
    const sent = await ada.take("nav/sent");
    expect(sent.to).toBe(breakout);
    expect(Math.abs(sent.at! - Date.now())).toBeLessThan(5000);
    const late = await demo.join("bram");
    expect(late.snapshot!.state.nav).toMatchObject({ to: breakout });
    // And back: taking it back clears the instruction for everyone.
    await mia.ok({ type: "nav/send", to: null });
    expect((await ada.take("nav/sent")).to).toBeNull();
    for (const c of [mia, ada, late]) c.close();
  });

  it("refuses participants and producers, unknown sessions and the session itself, naming the field", async () => {
    const demo = await liveDemo();
    const breakout = await breakoutOf(demo.cookies.mia);
    const ada = await demo.join("ada");
    const pim = await demo.join("pim");
    const mia = await demo.join("mia");
    for (const who of [ada, pim]) {
      const answer = await who.mutate({ type: "nav/send", to: breakout });
      expect(answer).toMatchObject({ type: "error", code: "not_allowed" });
    }
    expect(await mia.mutate({ type: "nav/send", to: "ses_nowhere" })).toMatchObject({
      type: "error",
      code: "not_found",
      field: "to",
    });
    expect(await mia.mutate({ type: "nav/send", to: demo.sessionId })).toMatchObject({
      type: "error",
      code: "conflict",
      field: "to",
    });
    expect(ada.has("nav/sent")).toBe(false);
    for (const c of [ada, pim, mia]) c.close();
  });
});
