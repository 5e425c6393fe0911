import { describe, expect, it } from "vitest";
import { backoffDelay } from "../../client/src/lib/backoff";

describe("reconnect backoff", () => {
  it("starts between 250 and 500 ms and doubles per failure", () => {
    expect(backoffDelay(0, () => 0)).toBe(250);
    expect(backoffDelay(0, () => 1)).toBe(500);
    expect(backoffDelay(3, () => 1)).toBe(4000);
  });

  it("never waits more than 30 s, however many failures", () => {
    expect(backoffDelay(50, () => 1)).toBe(30_000);
    expect(backoffDelay(50, () => 0)).toBe(15_000);
  });

  it("spreads a crowd: delays for the same attempt differ with the random draw", () => {
    const draws = [0.1, 0.5, 0.9].map((r) => backoffDelay(4, () => r));
    expect(new Set(draws).size).toBe(3);
  });
});
