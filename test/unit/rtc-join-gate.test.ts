import { describe, expect, it } from "vitest";
import { ConnectWatch, STALL_MS, stallRemedy } from "../../client/src/features/rtc/connect-watch.ts";
import { JoinGate } from "../../client/src/features/rtc/join-gate.ts";

/** Replays what a mesh page does with the gate and returns the joins it sent, per connection. */
type Step = "welcome" | "welcome-before-engine" | "media" | "drop";

function joinsFor(steps: readonly Step[]): number[] {
  const gate = new JoinGate();
  const joins: number[] = [];
  let open = false;
  let connection = 0;
  const send = () => {
    gate.sent(open);
    if (open) joins.push(connection);
  };
  for (const step of steps) {
    switch (step) {
      case "welcome":
        open = true;
        connection++;
        if (gate.welcomed()) send();
        break;
      case "welcome-before-engine":
        // The engine starts listening only after this welcome: the gate never hears of it.
        open = true;
        connection++;
        break;
      case "media":
        if (gate.mediaOpened(open)) send();
        break;
      case "drop":
        open = false;
        break;
      default:
        step satisfies never;
    }
  }
  return joins;
}

describe("when a mesh page joins its call", () => {
  it("waits for its camera when the socket is welcomed while the camera is still opening, and joins once", () => {
    // The matrix sender's own socket: the failure behind black matrix tiles was a join on this
    // welcome (no camera to offer) followed by a second join once the camera was open.
    expect(joinsFor(["welcome", "media"])).toEqual([1]);
  });

  it("joins as soon as its media is open on a socket that is already open", () => {
    expect(joinsFor(["welcome-before-engine", "media"])).toEqual([1]);
  });

  it("joins on the welcome when the socket was not open yet when its media was", () => {
    expect(joinsFor(["media", "welcome"])).toEqual([1]);
  });

  it("takes a new place on every later connection, exactly once each", () => {
    expect(joinsFor(["welcome", "media", "drop", "welcome", "drop", "welcome"])).toEqual([1, 2, 3]);
  });

  it("rejoins for a stalled link only with its media open and a socket to carry it", () => {
    const gate = new JoinGate();
    expect(gate.mayRejoin(true)).toBe(false);
    gate.mediaOpened(true);
    expect(gate.mayRejoin(false)).toBe(false);
    expect(gate.mayRejoin(true)).toBe(true);
  });
});

describe("a peer connection that does not connect", () => {
  it("counts as stalled once it has not connected within the allowed time", () => {
    const watch = new ConnectWatch(0);
    expect(watch.observe("connecting", 1_000)).toBe(false);
    expect(watch.due).toBe(STALL_MS);
    expect(watch.expired(STALL_MS - 1)).toBe(false);
    expect(watch.expired(STALL_MS)).toBe(true);
    // The remedy gets the same time again before the next verdict.
    expect(watch.due).toBe(2 * STALL_MS);
  });

  it("is left alone once connected, and watched again when it drops", () => {
    const watch = new ConnectWatch(0);
    watch.observe("connected", 500);
    expect(watch.due).toBeUndefined();
    expect(watch.expired(10 * STALL_MS)).toBe(false);
    watch.observe("disconnected", 20_000);
    expect(watch.due).toBe(20_000 + STALL_MS);
    watch.observe("connected", 21_000);
    expect(watch.due).toBeUndefined();
  });

  it("is stalled at once when it fails, and not after it closed", () => {
    const watch = new ConnectWatch(0);
    expect(watch.observe("failed", 3_000)).toBe(true);
    expect(watch.due).toBe(3_000 + STALL_MS);
    expect(watch.observe("closed", 4_000)).toBe(false);
    expect(watch.expired(100 * STALL_MS)).toBe(false);
  });

  it("is remedied by a fresh place for a matrix sender, and by an ICE restart elsewhere", () => {
    expect(stallRemedy("video")).toBe("rejoin");
    expect(stallRemedy("full")).toBe("restart-ice");
    expect(stallRemedy("output")).toBe("restart-ice");
  });
});
