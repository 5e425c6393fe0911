import type { AudienceRule, RegistrationField } from "../contract/index";
import type { Language } from "../protocol/identity";
import { textIn, type LocalizedText } from "../protocol/localized";

/**
 * The registration form's rules both sides apply: how a question reads in one language (the
 * public page, and the console's preview of it, must agree to the letter), and which changes to
 * the form would silently change who sees a session. Pure.
 */

/** A form question as someone reading `lang` sees it: one label, and a label for every option. */
export function fieldIn(
  field: RegistrationField,
  lang: Language | undefined,
  languages: readonly Language[],
): RegistrationField<string> {
  const label = textIn(field.label, lang, languages);
  switch (field.kind) {
    case "text":
    case "consent":
      return { ...field, label };
    case "choice":
    case "multi-choice":
      return {
        ...field,
        label,
        optionLabels: Object.fromEntries(
          field.options.map((o) => [o, textIn(field.optionLabels?.[o] ?? o, lang, languages)]),
        ),
      };
    default:
      return field satisfies never;
  }
}

/** Consent answers are stored as these values (see server/registration/answers.ts). */
const CONSENT_VALUES = ["yes", "no"];

/** Audience rules compare values trimmed and case-insensitively (core/rules/audience.ts): so do we. */
const norm = (s: string) => s.trim().toLowerCase();

/** The values an answer to this question can hold; null when any text can. */
function answerValues(field: RegistrationField): string[] | null {
  switch (field.kind) {
    case "text":
      return null;
    case "consent":
      return CONSENT_VALUES;
    case "choice":
    case "multi-choice":
      return field.options;
    default:
      return field satisfies never;
  }
}

export interface RuledSession {
  id: string;
  title: LocalizedText;
  audience: AudienceRule;
}

/**
 * A change to the form that an audience rule depends on: the question is gone (removed, or its key
 * changed, which is the same to a rule), or an option the rule names can no longer be answered.
 * Either way the people the rule lets in would change without anyone touching the rule.
 */
export interface RuleConflict {
  key: string;
  /** The option that is gone; absent when the whole question is. */
  option?: string;
  sessions: { id: string; title: LocalizedText }[];
}

export function ruleConflicts(
  before: readonly RegistrationField[],
  after: readonly RegistrationField[],
  sessions: readonly RuledSession[],
): RuleConflict[] {
  const conflicts: RuleConflict[] = [];
  const add = (key: string, option: string | undefined, session: RuledSession) => {
    let found = conflicts.find((c) => c.key === key && c.option === option);
    if (!found) {
      found = { key, ...(option === undefined ? {} : { option }), sessions: [] };
      conflicts.push(found);
    }
    if (!found.sessions.some((s) => s.id === session.id)) found.sessions.push({ id: session.id, title: session.title });
  };
  for (const session of sessions) {
    if (session.audience.kind !== "attributes") continue;
    for (const condition of session.audience.conditions) {
      const old = before.find((f) => f.key === condition.attribute);
      // A rule on an attribute that was never a question (a tag set by import) does not depend on the form.
      if (!old) continue;
      const now = after.find((f) => f.key === condition.attribute);
      if (!now) {
        add(old.key, undefined, session);
        continue;
      }
      const had = answerValues(old)?.map(norm);
      const has = answerValues(now)?.map(norm);
      if (has === undefined) continue;
      for (const value of condition.values) {
        // Only what the form offered counts: a value that never was an option stays as it was.
        if (had && !had.includes(norm(value))) continue;
        if (!has.includes(norm(value))) add(old.key, value, session);
      }
    }
  }
  return conflicts;
}

/** Which sessions' audience rules use this question, or this one of its options. */
export function sessionsUsing(
  key: string,
  option: string | undefined,
  sessions: readonly RuledSession[],
): { id: string; title: LocalizedText }[] {
  return sessions
    .filter(
      (s) =>
        s.audience.kind === "attributes" &&
        s.audience.conditions.some(
          (c) => c.attribute === key && (option === undefined || c.values.some((v) => norm(v) === norm(option))),
        ),
    )
    .map((s) => ({ id: s.id, title: s.title }));
}
