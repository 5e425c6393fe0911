import { describe, expect, it } from "vitest";
import type { RegistrationField } from "../../core/contract/index";
import {
  attributeProblems,
  checkAnswer,
  validateRegistration,
  type FormContext,
} from "../../server/registration/answers";

const fields: RegistrationField[] = [
  { kind: "choice", key: "ticket", label: "Ticket", required: true, options: ["standard", "vip"] },
  { kind: "text", key: "organisation", label: "Organisation", required: false, maxLength: 10 },
  { kind: "multi-choice", key: "interests", label: "Interests", required: false, options: ["ai", "design"] },
  { kind: "consent", key: "terms", label: "Terms", required: true },
  { kind: "consent", key: "newsletter", label: "Newsletter", required: false },
];
const form: FormContext = {
  fields,
  defaultLanguage: "nl",
  choices: [
    { id: "ses_a", title: "Workshop A", capacity: 2, taken: 1 },
    { id: "ses_full", title: "Full workshop", capacity: 1, taken: 1 },
    { id: "ses_open", title: "Open talk", capacity: null, taken: 500 },
  ],
};
const good = { name: " Ada ", email: " Ada@Example.COM ", answers: { ticket: "vip", terms: true } };

describe("registration answers", () => {
  it("accepts a good registration, normalises the e-mail and stores consent as yes/no", () => {
    const r = validateRegistration({ ...good, selections: ["ses_a", "ses_a", "ses_open"] }, form);
    expect(r).toEqual({
      ok: true,
      value: {
        name: "Ada",
        email: "Ada@Example.COM",
        emailNorm: "ada@example.com",
        language: "nl",
        answers: { ticket: "vip", terms: "yes", newsletter: "no" },
        selections: ["ses_a", "ses_open"],
      },
    });
  });

  it("names every bad field at once", () => {
    const r = validateRegistration(
      {
        name: "",
        email: "not-an-address",
        language: "fr",
        answers: { organisation: "far too long text", interests: ["ai", "cooking"], extra: "x" },
        selections: ["ses_full"],
      },
      form,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.fields).toEqual({
      name: "is required",
      email: "must be an e-mail address such as name@example.com",
      language: "must be one of en, nl",
      "answers.ticket": "is required",
      "answers.organisation": "must be at most 10 characters",
      "answers.interests": "may only contain ai, design",
      "answers.terms": "must be accepted",
      "answers.extra": "is not a question on this form",
      selections: '"Full workshop" is full',
    });
  });

  it.each<[string, RegistrationField, unknown, { problem?: string; value?: unknown }]>([
    ["optional text left empty", fields[1]!, "   ", {}],
    ["text with a control character", fields[1]!, "a\u0007b", { problem: "must not contain control characters" }],
    ["text that is not text", fields[1]!, 42, { problem: "must be text" }],
    ["choice outside the options", fields[0]!, "VIP", { problem: "must be one of standard, vip" }],
    ["multi-choice as one string", fields[2]!, "ai", { value: ["ai"] }],
    ["multi-choice with duplicates", fields[2]!, ["ai", "ai", "design"], { value: ["ai", "design"] }],
    ["consent given as the string true", fields[3]!, "true", { value: "yes" }],
    ["consent refused when required", fields[3]!, false, { problem: "must be accepted" }],
    ["optional consent refused", fields[4]!, false, { value: "no" }],
    ["consent with nonsense", fields[4]!, "maybe", { problem: "must be true or false" }],
  ])("%s", (_, field, raw, expected) => {
    expect(checkAnswer(field, raw)).toEqual(expected);
  });

  it("refuses selections that are not offered", () => {
    const r = validateRegistration({ ...good, selections: ["ses_elsewhere"] }, form);
    expect(r.ok === false && r.fields.selections).toBe("contains a session that cannot be chosen");
  });
});

describe("organizer-set attributes", () => {
  it("allows free attributes but holds form questions to their options", () => {
    expect(attributeProblems(fields, { ticket: "vip", company: "Acme", tags: ["a", "b"] })).toEqual({});
    expect(
      attributeProblems(fields, { ticket: "vpi", terms: "maybe", interests: ["ai", "x"], "Bad Key": "x" }),
    ).toEqual({
      "attributes.ticket": "must be one of standard, vip",
      "attributes.terms": "must be one of yes, no",
      "attributes.interests": "must be one of ai, design",
      "attributes.Bad Key": "keys are 1–40 of a-z 0-9 _ and start with a letter",
    });
    expect(attributeProblems(fields, { ticket: ["vip", "standard"] })).toEqual({
      "attributes.ticket": "must be a single value",
    });
  });
});
