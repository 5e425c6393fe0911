import { describe, expect, it } from "vitest";
import { enNetworking } from "../../client/src/i18n/en-networking";
import { nlNetworking } from "../../client/src/i18n/nl-networking";
import { en } from "../../client/src/i18n/en";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** The directory's and carousel's strings load with their views; they obey the same rules as the rest. */
describe("networking catalogue (loaded with its views)", () => {
  it("has every English key in Dutch, none of them also in the eager catalogue", () => {
    expect(Object.keys(nlNetworking).sort()).toEqual(Object.keys(enNetworking).sort());
    expect(Object.keys(enNetworking).filter((k) => k in en)).toEqual([]);
  });

  it.each(Object.keys(enNetworking) as (keyof typeof enNetworking)[])("%s: non-empty in both languages with the same placeholders", (key) => {
    expect(enNetworking[key].trim()).not.toBe("");
    expect(nlNetworking[key].trim()).not.toBe("");
    expect(placeholders(nlNetworking[key])).toEqual(placeholders(enNetworking[key]));
  });
});
