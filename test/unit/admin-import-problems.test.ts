import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { problemText } from "../../client/src/admin/event/imports/problem-text";
import { setLanguage } from "../../client/src/i18n";
import { ImportProblemCodes } from "../../core/contract/imports";
import type { RegistrationField } from "../../core/contract/index";
import { checkRows } from "../../server/registration/import";

const fields: RegistrationField[] = [
  { kind: "choice", key: "ticket", label: "Ticket", required: true, options: ["standard", "vip"] },
];

/** Every refused row reaches the console with a code; the console says it in its own language. */
describe("an import's row problems in the console", () => {
  beforeAll(() => {
    // setLanguage marks <html lang>; node has no document.
    (globalThis as { document?: unknown }).document ??= { documentElement: {} };
  });
  afterEach(() => setLanguage("en", false));

  const checked = () =>
    checkRows(
      [
        { line: 2, email: "ada@example.com", name: "Ada", attributes: { ticket: "gold" } },
        { line: 3, email: "ADA@example.com", name: "", language: "fr", attributes: {}, selections: ["Nope"] },
        { line: 4, email: "not-an-address", name: "Bob", attributes: {} },
      ],
      { fields, sessions: [{ id: "ses_1", title: "Keynote" }], defaultLanguage: "en" },
    );

  it("codes every problem, keeping the English reason for API users", () => {
    const [a, b, c] = checked();
    if (a?.ok !== false || b?.ok !== false || c?.ok !== false) throw new Error("every row should be refused");
    expect(a.issues["attributes.ticket"]).toMatchObject({ code: "not_one_of", params: { options: "standard, vip" } });
    expect(a.errors["attributes.ticket"]).toBe("must be one of standard, vip");
    expect(b.issues).toMatchObject({
      email: { code: "duplicate_email", params: { line: 2 } },
      name: { code: "required" },
      language: { code: "not_one_of" },
      selections: { code: "unknown_session", params: { session: "Nope" } },
    });
    expect(c.issues.email?.code).toBe("invalid_email");
  });

  it("says each reason in Dutch in the Dutch console, with its details", () => {
    setLanguage("nl", false);
    const [a, b] = checked();
    if (a?.ok !== false || b?.ok !== false) throw new Error("every row should be refused");
    const said = (issue: (typeof a.issues)[string] | undefined) =>
      problemText({ code: issue!.code, params: issue!.params, reason: issue!.message });
    expect(said(a.issues["attributes.ticket"])).toBe("Geen van de toegestane waarden: standard, vip.");
    expect(said(b.issues.email)).toBe("Hetzelfde e-mailadres staat al op regel 2.");
    expect(said(b.issues.name)).toBe("Leeg: deze kolom moet een waarde hebben.");
    expect(said(b.issues.selections)).toBe('Dit evenement heeft geen sessie "Nope".');
  });

  it("has words for every code in both languages", () => {
    for (const lang of ["en", "nl"] as const) {
      setLanguage(lang, false);
      for (const code of ImportProblemCodes) {
        const text = problemText({ code, params: { max: 1, line: 1, options: "a", session: "s" }, reason: "x" });
        expect(text, `${lang} ${code}`).not.toMatch(/^admin\.|^x$/);
      }
    }
  });

  it("keeps the server's English for a code it does not know", () => {
    setLanguage("nl", false);
    expect(problemText({ code: "brand_new" as never, reason: "is new" })).toBe("is new");
  });
});
