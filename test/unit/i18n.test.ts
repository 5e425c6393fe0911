import { describe, expect, it } from "vitest";
import { adminCatalogues } from "../../client/src/admin/i18n";
import { en } from "../../client/src/i18n/en";
import { enNetworking } from "../../client/src/i18n/en-networking";
import { placeholderNames } from "../../client/src/i18n/format";
import { nl } from "../../client/src/i18n/nl";
import { nlNetworking } from "../../client/src/i18n/nl-networking";

describe.each([
  ["participant and output pages", en as Record<string, string>, nl as Record<string, string>],
  ["directory and carousel", enNetworking as Record<string, string>, nlNetworking as Record<string, string>],
  ["organizer pages", adminCatalogues.en as Record<string, string>, adminCatalogues.nl as Record<string, string>],
])("message catalogue: %s", (_, english, dutch) => {
  it("has every English key in Dutch, and nothing extra", () => {
    expect(Object.keys(dutch).sort()).toEqual(Object.keys(english).sort());
  });

  it.each(Object.keys(english))("%s: non-empty in both languages with the same placeholders", (key) => {
    expect(english[key]!.trim()).not.toBe("");
    expect(dutch[key]!.trim()).not.toBe("");
    expect(placeholderNames(dutch[key]!)).toEqual(placeholderNames(english[key]!));
  });
});

