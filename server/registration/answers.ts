import type { AttributeValue, RegistrationField } from "../../core/contract/index";
import type { ImportIssue } from "../../core/contract/imports";
import { Languages, type Language } from "../../core/protocol/identity";

/**
 * Checks a registration against the event's form: every field and every selection, each problem
 * named by its path (`name`, `answers.ticket`, `selections`) so the page can show it next to the
 * right input. Pure: the route loads the form and the session counts, this decides.
 */

export const MAX_NAME = 200;
export const MAX_EMAIL = 254;
export const DEFAULT_TEXT_MAX = 500;
/** Yes/no answers are stored as attributes like any other answer, so audience rules can use them. */
export const CONSENT_VALUES = { given: "yes", refused: "no" } as const;

// Pragmatic: one @, no spaces or brackets, a dot in the domain. Deliverability is the provider's job.
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/;

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/** The e-mail's problem with its code (for imports, which the console says in its language). */
export function emailIssue(email: string): ImportIssue | undefined {
  const e = email.trim();
  if (e === "") return { code: "required", message: "is required" };
  if (e.length > MAX_EMAIL)
    return { code: "too_long", message: `must be at most ${MAX_EMAIL} characters`, params: { max: MAX_EMAIL } };
  if (!EMAIL.test(e)) return { code: "invalid_email", message: "must be an e-mail address such as name@example.com" };
  return undefined;
}

export const emailProblem = (email: string): string | undefined => emailIssue(email)?.message;

export function nameIssue(name: string): ImportIssue | undefined {
  const n = name.trim();
  if (n === "") return { code: "required", message: "is required" };
  if (n.length > MAX_NAME)
    return { code: "too_long", message: `must be at most ${MAX_NAME} characters`, params: { max: MAX_NAME } };
  // Names end up in e-mail headers and calendar files: no control characters.
  if (/[\u0000-\u001f\u007f]/.test(n))
    return { code: "control_characters", message: "must not contain control characters" };
  return undefined;
}

export const nameProblem = (name: string): string | undefined => nameIssue(name)?.message;

export interface FormChoice {
  id: string;
  title: string;
  capacity: number | null;
  /** People who chose it already, not counting the one registering. */
  taken: number;
}

export interface FormContext {
  fields: readonly RegistrationField[];
  choices: readonly FormChoice[];
  defaultLanguage: Language;
}

export interface RegistrationInput {
  name: string;
  email: string;
  language?: string | undefined;
  answers?: Record<string, unknown> | undefined;
  selections?: readonly string[] | undefined;
}

export interface ValidRegistration {
  name: string;
  email: string;
  emailNorm: string;
  language: Language;
  answers: Record<string, AttributeValue>;
  selections: string[];
}

export type Validated<T> = { ok: true; value: T } | { ok: false; fields: Record<string, string> };

export function validateRegistration(input: RegistrationInput, form: FormContext): Validated<ValidRegistration> {
  const fields: Record<string, string> = {};
  const nameIssue = nameProblem(input.name);
  if (nameIssue) fields.name = nameIssue;
  const emailIssue = emailProblem(input.email);
  if (emailIssue) fields.email = emailIssue;
  let language = form.defaultLanguage;
  if (input.language !== undefined) {
    if (Languages.includes(input.language as Language)) language = input.language as Language;
    else fields.language = `must be one of ${Languages.join(", ")}`;
  }

  const given = input.answers ?? {};
  const answers: Record<string, AttributeValue> = {};
  for (const key of Object.keys(given)) {
    if (!form.fields.some((f) => f.key === key)) fields[`answers.${key}`] = "is not a question on this form";
  }
  for (const field of form.fields) {
    const result = checkAnswer(field, given[field.key]);
    if (result.problem) fields[`answers.${field.key}`] = result.problem;
    else if (result.value !== undefined) answers[field.key] = result.value;
  }

  const selections = [...new Set(input.selections ?? [])];
  for (const id of selections) {
    const choice = form.choices.find((c) => c.id === id);
    if (!choice) {
      fields.selections = "contains a session that cannot be chosen";
      break;
    }
    if (choice.capacity !== null && choice.taken >= choice.capacity) {
      fields.selections = `"${choice.title}" is full`;
      break;
    }
  }

  if (Object.keys(fields).length > 0) return { ok: false, fields };
  return {
    ok: true,
    value: {
      name: input.name.trim(),
      email: input.email.trim(),
      emailNorm: normaliseEmail(input.email),
      language,
      answers,
      selections,
    },
  };
}

type AnswerCheck = { problem?: string; value?: AttributeValue };

/** One answer against its field; an absent optional answer yields no value at all. */
export function checkAnswer(field: RegistrationField, raw: unknown): AnswerCheck {
  const blank = raw === undefined || raw === null || raw === "" || (Array.isArray(raw) && raw.length === 0);
  switch (field.kind) {
    case "text": {
      if (blank) return field.required ? { problem: "is required" } : {};
      if (typeof raw !== "string") return { problem: "must be text" };
      const text = raw.trim();
      const max = field.maxLength ?? DEFAULT_TEXT_MAX;
      if (text === "") return field.required ? { problem: "is required" } : {};
      if (text.length > max) return { problem: `must be at most ${max} characters` };
      if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text))
        return { problem: "must not contain control characters" };
      return { value: text };
    }
    case "choice": {
      if (blank) return field.required ? { problem: "is required" } : {};
      if (typeof raw !== "string" || !field.options.includes(raw))
        return { problem: `must be one of ${field.options.join(", ")}` };
      return { value: raw };
    }
    case "multi-choice": {
      if (blank) return field.required ? { problem: "choose at least one" } : {};
      const values = typeof raw === "string" ? [raw] : raw;
      if (!Array.isArray(values) || values.some((v) => typeof v !== "string" || !field.options.includes(v))) {
        return { problem: `may only contain ${field.options.join(", ")}` };
      }
      return { value: [...new Set(values as string[])] };
    }
    case "consent": {
      const given = raw === true || raw === "true" || raw === CONSENT_VALUES.given;
      const refused = blank || raw === false || raw === "false" || raw === CONSENT_VALUES.refused;
      if (!given && !refused) return { problem: "must be true or false" };
      if (field.required && !given) return { problem: "must be accepted" };
      return { value: given ? CONSENT_VALUES.given : CONSENT_VALUES.refused };
    }
    default:
      return field satisfies never;
  }
}

const ATTRIBUTE_KEY = /^[a-z][a-z0-9_]{0,39}$/;
export const MAX_ATTRIBUTE_VALUE = 500;

/**
 * Attributes an organizer sets directly (API, batch, CSV). Any key is allowed, so organizers can
 * tag people for audience rules; a key that is also a form question must hold one of its options,
 * which catches typos that would otherwise silently hide a session from someone.
 */
export function attributeProblems(
  fields: readonly RegistrationField[],
  attributes: Record<string, AttributeValue>,
): Record<string, string> {
  return Object.fromEntries(Object.entries(attributeIssues(fields, attributes)).map(([k, i]) => [k, i.message]));
}

/** `attributeProblems` with each problem's code, for imports. */
export function attributeIssues(
  fields: readonly RegistrationField[],
  attributes: Record<string, AttributeValue>,
): Record<string, ImportIssue> {
  const problems: Record<string, ImportIssue> = {};
  for (const [key, value] of Object.entries(attributes)) {
    const path = `attributes.${key}`;
    if (!ATTRIBUTE_KEY.test(key)) {
      problems[path] = { code: "invalid_key", message: "keys are 1–40 of a-z 0-9 _ and start with a letter" };
      continue;
    }
    const values = Array.isArray(value) ? value : [value];
    if (values.some((v) => v.length > MAX_ATTRIBUTE_VALUE)) {
      problems[path] = {
        code: "too_long",
        message: `values must be at most ${MAX_ATTRIBUTE_VALUE} characters`,
        params: { max: MAX_ATTRIBUTE_VALUE },
      };
      continue;
    }
    const field = fields.find((f) => f.key === key);
    if (!field || field.kind === "text") continue;
    const allowed = field.kind === "consent" ? Object.values(CONSENT_VALUES) : field.options;
    if (field.kind !== "multi-choice" && Array.isArray(value))
      problems[path] = { code: "single_value", message: "must be a single value" };
    else if (values.some((v) => !(allowed as readonly string[]).includes(v)))
      problems[path] = {
        code: "not_one_of",
        message: `must be one of ${allowed.join(", ")}`,
        params: { options: allowed.join(", ") },
      };
  }
  return problems;
}
