import { describe, expect, it } from "vitest";
import {
  aggregateWords,
  decideEntry,
  isBlocked,
  normalizeWord,
} from "../../../durable-objects/session/features/wordcloud/rules";
import { builtInBlocklist } from "../../../durable-objects/session/features/wordcloud/profanity";

describe("word normalisation", () => {
  it.each([
    ["Café", "cafe"],
    ["  CAFÉ  ", "cafe"],
    ["naïve   idea", "naive idea"],
    ["«Edge!»", "edge"],
    ["Ångström", "angstrom"],
  ])("%j counts as %j", (input, norm) => {
    expect(normalizeWord(input)).toBe(norm);
  });
});

describe("word filter", () => {
  it("blocks a listed word on its own or inside an entry, in any case or accent", () => {
    expect(isBlocked(normalizeWord("SHIT"), builtInBlocklist)).toBe(true);
    expect(isBlocked(normalizeWord("what the kut"), builtInBlocklist)).toBe(true);
    expect(isBlocked(normalizeWord("shitake"), builtInBlocklist)).toBe(false);
    expect(isBlocked("boring", builtInBlocklist, new Set(["boring"]))).toBe(true);
  });
});

describe("word entries", () => {
  const cloud = { status: "open" as const, visible: true, perPerson: 2, mine: [] as string[] };
  const lists = [builtInBlocklist];

  it("accepts a word, keeping the spelling and the counting key", () => {
    expect(decideEntry(cloud, " Café ", lists)).toEqual({ ok: true, value: { text: "Café", norm: "cafe" } });
  });

  it("refuses duplicates (by key), entries over the allowance, filtered words and closed clouds", () => {
    expect(decideEntry({ ...cloud, mine: ["cafe"] }, "CAFE", lists)).toMatchObject({ ok: false, code: "conflict" });
    expect(decideEntry({ ...cloud, mine: ["a", "b"] }, "c", lists)).toMatchObject({ ok: false, code: "limit_reached" });
    expect(decideEntry(cloud, "Fuck", lists)).toMatchObject({ ok: false, code: "filtered" });
    expect(decideEntry({ ...cloud, status: "closed" }, "c", lists)).toMatchObject({ ok: false, code: "closed" });
    expect(decideEntry(cloud, "!!!", lists)).toMatchObject({ ok: false, code: "bad_frame" });
  });

  it("folds spellings into one word shown with its most used spelling", () => {
    const words = aggregateWords([
      { norm: "cafe", text: "café", count: 1, first: 1 },
      { norm: "cafe", text: "Cafe", count: 2, first: 5 },
      { norm: "edge", text: "Edge", count: 2, first: 2 },
      { norm: "alpha", text: "alpha", count: 2, first: 9 },
    ]);
    expect(words).toEqual([
      { text: "Cafe", count: 3 },
      { text: "alpha", count: 2 },
      { text: "Edge", count: 2 },
    ]);
  });
});
