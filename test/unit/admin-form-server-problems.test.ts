import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { serverFormProblems } from "../../client/src/admin/event/form/server-problems";
import { setLanguage } from "../../client/src/i18n";
import { ApiFailure } from "../../client/src/lib/api";

/** The form builder says the server's refusals in the console's language, next to the question. */
describe("the form builder's words for server errors", () => {
  beforeAll(() => {
    (globalThis as { document?: unknown }).document ??= { documentElement: {} };
  });
  afterEach(() => setLanguage("en", false));

  it("says an audience-rule conflict in Dutch, naming the sessions, at the question's options", () => {
    setLanguage("nl", false);
    const err = new ApiFailure(409, "conflict", "This change to the form would change who sees sessions: …", {
      "fields.1.options": 'the option "vip" of "ticket" is used by the audience rule of "VIP lounge", "Backstage"',
      fields: 'the question "diet" is used by the audience rule of "Dinner"',
    });
    expect(serverFormProblems(err)).toEqual({
      "fields.1.options":
        'De doelgroepregel van "VIP lounge", "Backstage" gebruikt een keuze die je hier hebt verwijderd. Pas die regel eerst aan op het tabblad Programma, of houd de keuze.',
      fields:
        'De doelgroepregel van "Dinner" gebruikt een vraag die je hebt verwijderd. Pas die regel eerst aan op het tabblad Programma, of houd de vraag.',
    });
  });

  it("puts a refused label's language at the question's label and says it in the console's language", () => {
    setLanguage("nl", false);
    const err = new ApiFailure(422, "validation_failed", "Some fields are invalid", {
      "fields.0.label.nl": "must be at most 200 characters",
      "fields.2.key": "must not be one of name, email, language, role, selections, sessions, id",
      "fields.2.options": "options must be unique",
      fields: "field keys must be unique",
    });
    expect(serverFormProblems(err)).toEqual({
      "fields.0.label": "Schrijf de vraag in minstens één taal, in hoogstens 200 tekens.",
      "fields.2.key":
        "Deze vraag kan niet worden bewaard onder de naam die haar tekst oplevert. Formuleer haar anders.",
      "fields.2.options": "Geef 1 tot 50 keuzes, elk maar één keer.",
      fields: "Twee vragen zouden onder dezelfde naam worden bewaard. Formuleer er een anders.",
    });
  });

  it("keeps the server's words where it has none of its own", () => {
    setLanguage("nl", false);
    const err = new ApiFailure(422, "validation_failed", "Some fields are invalid", {
      "fields.0.required": "must be true or false",
      title: "is required",
    });
    expect(serverFormProblems(err)).toEqual({ "fields.0.required": "must be true or false", title: "is required" });
  });
});
