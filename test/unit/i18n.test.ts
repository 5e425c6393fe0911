import { describe, expect, it } from "vitest";
import { en } from "../../client/src/i18n/en";
import { nl } from "../../client/src/i18n/nl";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("message catalogue", () => {
  it("has every English key in Dutch, and nothing extra", () => {
    expect(Object.keys(nl).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(en) as (keyof typeof en)[])("%s: non-empty in both languages with the same placeholders", (key) => {
    expect(en[key].trim()).not.toBe("");
    expect(nl[key].trim()).not.toBe("");
    expect(placeholders(nl[key])).toEqual(placeholders(en[key]));
  });
});
