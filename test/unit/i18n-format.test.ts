import { describe, expect, it } from "vitest";
import { adminCatalogues } from "../../client/src/admin/i18n";
import { en } from "../../client/src/i18n/en";
import { format, placeholderNames, pluralsIn } from "../../client/src/i18n/format";
import { nl } from "../../client/src/i18n/nl";
import { nlNetworking } from "../../client/src/i18n/nl-networking";
import { enNetworking } from "../../client/src/i18n/en-networking";

const say = (lang: "en" | "nl", key: keyof typeof en, params: Record<string, number | string>) =>
  format((lang === "en" ? en : nl)[key], params, lang);
const admin = (lang: "en" | "nl", key: keyof typeof adminCatalogues.en, params: Record<string, number | string>) =>
  format(adminCatalogues[lang][key], params, lang);

describe("plurals", () => {
  it("picks the form each language uses for the number", () => {
    const message = "{count, plural, =0 {no problems} one {# problem} other {# problems}} in {place}";
    expect(format(message, { count: 0, place: "the form" })).toBe("no problems in the form");
    expect(format(message, { count: 1, place: "the form" })).toBe("1 problem in the form");
    expect(format(message, { count: 3, place: "the form" })).toBe("3 problems in the form");
  });

  it("leaves a message alone when the number is missing, and reads nested placeholders", () => {
    expect(format("{n, plural, one {# of {max}} other {# of {max}}}", { n: 2, max: 5 })).toBe("2 of 5");
    expect(format("{n, plural, one {#} other {#s}}", { m: 1 })).toBe("{n, plural, one {#} other {#s}}");
    expect(placeholderNames("{n, plural, one {# of {max}} other {# of {max}}} {who}")).toEqual(["max", "n", "who"]);
  });

  it("counts problems and registrations in words, not as problem(s) or inschrijving(en)", () => {
    expect(say("en", "register.errorSummary", { count: 1 })).toBe("Please correct this problem:");
    expect(say("en", "register.errorSummary", { count: 2 })).toBe("Please correct these 2 problems:");
    expect(say("nl", "register.errorSummary", { count: 1 })).toBe("Verbeter dit punt:");
    expect(say("nl", "register.errorSummary", { count: 2 })).toBe("Verbeter deze 2 punten:");
    expect(admin("en", "admin.total", { count: 1 })).toBe("1 registration");
    expect(admin("en", "admin.total", { count: 12 })).toBe("12 registrations");
    expect(admin("nl", "admin.total", { count: 1 })).toBe("1 inschrijving");
    expect(admin("nl", "admin.total", { count: 12 })).toBe("12 inschrijvingen");
    expect(admin("nl", "admin.attempts", { count: 1 })).toBe("1 poging");
    expect(admin("en", "admin.attempts", { count: 3 })).toBe("3 attempts");
    expect(say("en", "quiz.points", { points: 1 })).toBe("1 point");
    expect(say("nl", "quiz.points", { points: 1 })).toBe("1 punt");
    expect(say("nl", "matrix.status", { page: 1, pages: 1, total: 1 })).toBe(
      "Pagina 1 van 1 · 1 persoon doet mee en past",
    );
  });

  it("no catalogue text counts with (s), (en) or a number before a fixed plural", () => {
    const catalogues = [en, nl, enNetworking, nlNetworking, adminCatalogues.en, adminCatalogues.nl] as Record<
      string,
      string
    >[];
    const entries = catalogues.flatMap((c) => Object.entries(c));
    expect(entries.filter(([, text]) => /\w\((s|en|n)\)/.test(text)).map(([key]) => key)).toEqual([]);
    // "{count} problems" reads "1 problems": a count next to a noun takes a plural.
    const fixed =
      /\{\w+\} (\w+ )?(problems|registrations|attempts|points|people|minutes|questions|words|punten|inschrijvingen|pogingen|mensen|minuten|vragen|woorden)\b/;
    expect(entries.filter(([, text]) => fixed.test(text)).map(([key]) => key)).toEqual([]);
  });

  it.each([
    ["en", en as Record<string, string>],
    ["nl", nl as Record<string, string>],
    ["en", adminCatalogues.en as Record<string, string>],
    ["nl", adminCatalogues.nl as Record<string, string>],
    ["en", enNetworking as Record<string, string>],
    ["nl", nlNetworking as Record<string, string>],
  ] as const)("every plural in %s gives every form the language needs", (lang, catalogue) => {
    const needed = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    for (const [key, text] of Object.entries(catalogue)) {
      for (const p of pluralsIn(text))
        expect({ key, forms: p.forms && needed.filter((c) => p.forms!.includes(c)) }).toEqual({ key, forms: needed });
    }
  });
});
