import { afterEach, describe, expect, it, vi } from "vitest";
import { DOORS_MS, followSources, liveWhen, sumKnown } from "../../core/rules/live";
import { withinOrNull } from "../../server/live/deadline";
import { TtlCache } from "../../server/live/ttl-cache";

const s = { startsAt: 100 * 60_000, endsAt: 160 * 60_000 };

describe("where a session stands for the control room", () => {
  it("opens its doors a little before and keeps them open a little after", () => {
    expect(liveWhen(s, s.startsAt - DOORS_MS - 1)).toBe("later");
    expect(liveWhen(s, s.startsAt - DOORS_MS)).toBe("soon");
    expect(liveWhen(s, s.startsAt)).toBe("now");
    expect(liveWhen(s, s.endsAt + DOORS_MS - 1)).toBe("now");
    expect(liveWhen(s, s.endsAt + DOORS_MS)).toBe("ended");
  });

  it("sends from every open session but the target and stream rooms", () => {
    const all = [
      { id: "a", kind: "stage", when: "now" as const },
      { id: "b", kind: "breakout", when: "soon" as const },
      { id: "c", kind: "stream-room", when: "now" as const },
      { id: "d", kind: "breakout", when: "later" as const },
      { id: "e", kind: "breakout", when: "ended" as const },
    ];
    expect(followSources(all, "b").map((x) => x.id)).toEqual(["a"]);
    expect(followSources(all, "d").map((x) => x.id)).toEqual(["a", "b"]);
  });

  it("adds up only what is known", () => {
    expect(sumKnown([1, null, 2])).toBe(3);
  });
});

describe("probing live objects", () => {
  afterEach(() => vi.useRealTimers());

  it("gives null for a failure or an answer that comes too late, never throws", async () => {
    vi.useFakeTimers();
    const slow = withinOrNull(() => new Promise<number>((r) => setTimeout(() => r(1), 5_000)), 1_500);
    vi.advanceTimersByTime(1_500);
    await expect(slow).resolves.toBeNull();
    await expect(withinOrNull(() => Promise.reject(new Error("gone")), 1_500)).resolves.toBeNull();
    await expect(
      withinOrNull(() => {
        throw new Error("sync");
      }, 1_500),
    ).resolves.toBeNull();
    const fast = withinOrNull(() => Promise.resolve(7), 1_500);
    await expect(fast).resolves.toBe(7);
  });
});

describe("the GetStream cache", () => {
  it("makes one upstream call per key per period, however many tabs ask at once", async () => {
    const cache = new TtlCache<string, number>(4_000);
    let calls = 0;
    const load = () => Promise.resolve(++calls);
    const answers = await Promise.all([0, 1, 2, 3, 4].map(() => cache.get("arn", load, 1_000)));
    expect(answers).toEqual([1, 1, 1, 1, 1]);
    expect(await cache.get("arn", load, 4_999)).toBe(1);
    expect(await cache.get("arn", load, 5_000)).toBe(2);
    expect(calls).toBe(2);
  });

  it("does not keep a failure", async () => {
    const cache = new TtlCache<string, number>(4_000);
    await expect(cache.get("arn", () => Promise.reject(new Error("throttled")), 0)).rejects.toThrow();
    expect(await cache.get("arn", () => Promise.resolve(3), 1)).toBe(3);
  });
});
