import { describe, expect, it } from "vitest";
import { adminCatalogues } from "../../client/src/admin/i18n";
import { en } from "../../client/src/i18n/en";
import { enNetworking } from "../../client/src/i18n/en-networking";
import { placeholderNames } from "../../client/src/i18n/format";
import { nl } from "../../client/src/i18n/nl";
import { nlNetworking } from "../../client/src/i18n/nl-networking";

/**
 * Words Dutch really shares with English (or that are names, or units). A Dutch text identical to
 * the English one passes only when every word in it is on this list: anything else identical is
 * a string someone forgot to translate ("Polls" on a Dutch tab).
 */
const SAME_IN_DUTCH = new Set(
  [
    "Foyer",
    "English",
    "Nederlands",
    "Moderator",
    "Producer",
    "Browser",
    "Camera",
    "Live",
    "Offline",
    "Chat",
    "Quiz",
    "Open",
    "tablet",
    "E-mail",
    "Link",
    // Dutch sites say passkey too (Apple and Google also write "toegangssleutel").
    "Passkey",
    "Passkeys",
    "Media",
    "s",
    "min",
  ].map((w) => w.toLowerCase()),
);

/** The words of a text, its placeholders left out. */
const wordsOf = (text: string) =>
  [...text.replace(/\{[^{}]*\}/g, " ").matchAll(/\p{L}+(?:-\p{L}+)*/gu)].map((m) => m[0].toLowerCase());

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

  it("translates every text: a Dutch text equal to the English one uses only words Dutch shares", () => {
    const untranslated = Object.keys(english).filter(
      (key) => dutch[key] === english[key] && wordsOf(english[key]!).some((w) => !SAME_IN_DUTCH.has(w)),
    );
    expect(untranslated.map((key) => `${key}: ${dutch[key]}`)).toEqual([]);
  });
});

describe("the check for untranslated texts", () => {
  it("catches an English word left in Dutch, and lets shared words and placeholders pass", () => {
    expect(wordsOf("Polls").some((w) => !SAME_IN_DUTCH.has(w))).toBe(true);
    expect(wordsOf("{start} – {end} ({timezone})")).toEqual([]);
    expect(wordsOf("E-mail").every((w) => SAME_IN_DUTCH.has(w))).toBe(true);
  });
});
