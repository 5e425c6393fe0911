import { describe, expect, it } from "vitest";
import { freshSendTarget, SEND_FRESH_MS } from "../../core/protocol/nav";

const AT = Date.UTC(2026, 10, 25, 15, 0);

/**
 * One rule for how long a moderator's "everyone to …" counts, read by the portals that follow it
 * and by the moderator's own control: an old send is history for everyone at the same moment.
 */
describe("a moderator's send is fresh for a while, then history", () => {
  const sent = { to: "breakout", at: AT };

  it("sends people while fresh", () => {
    expect(freshSendTarget(sent, AT)).toBe("breakout");
    expect(freshSendTarget(sent, AT + SEND_FRESH_MS - 1)).toBe("breakout");
  });

  it("is history once the freshness period has passed (a 20-minute-old send sends nobody)", () => {
    expect(freshSendTarget(sent, AT + SEND_FRESH_MS)).toBeNull();
    expect(freshSendTarget(sent, AT + 20 * 60_000)).toBeNull();
  });

  it("sends nobody when there is no send, or it was taken back", () => {
    expect(freshSendTarget({ to: null, at: null }, AT)).toBeNull();
    expect(freshSendTarget({ to: "breakout", at: null }, AT)).toBeNull();
  });

  it("gives people a couple of minutes to get it through a reconnect, not a whole session", () => {
    expect(SEND_FRESH_MS).toBeGreaterThanOrEqual(60_000);
    expect(SEND_FRESH_MS).toBeLessThanOrEqual(5 * 60_000);
  });
});
