import { describe, expect, it } from "vitest";
import { enNetworking } from "../../client/src/i18n/en-networking";
import { en } from "../../client/src/i18n/en";

/**
 * The directory's and carousel's strings load with their views; they obey the same rules as the
 * rest (i18n.test.ts checks keys, placeholders and untranslated texts of every catalogue).
 */
describe("networking catalogue (loaded with its views)", () => {
  it("has none of its keys also in the eager catalogue", () => {
    expect(Object.keys(enNetworking).filter((k) => k in en)).toEqual([]);
  });
});
