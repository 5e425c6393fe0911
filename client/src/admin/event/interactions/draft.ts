import type { PreparedInteraction, PreparedKind } from "../../../../../core/contract/interactions";
import type { Language } from "../../../../../core/protocol/identity";
import { charCount, Limits } from "../../../../../core/protocol/limits";
import type { AdminKey } from "../../i18n";
import { checkTranslations, flatten, translatedLanguages, type Translations } from "./translations";

/**
 * A prepared item as its form holds it, and the checks the session object will make when a
 * moderator opens it (the server makes them again): said at the field, before saving. Pure, for
 * the unit tests. Error paths are the API's (`options.1`, `questions.0.correct`), so the
 * server's 422 fields land on the same inputs.
 */
export interface QuizQuestionDraft {
  text: string;
  options: string[];
  /** Index of the right option; null until the organizer chooses one. */
  correct: number | null;
  seconds: string;
}

export type Draft = (
  | { kind: "poll"; question: string; multi: boolean; after: boolean; options: string[] }
  | { kind: "quiz"; title: string; questions: QuizQuestionDraft[] }
  | { kind: "wordcloud"; prompt: string; perPerson: string }
) & { translations: Translations };

export type DraftError = { key: AdminKey; params?: Record<string, string | number> };

export const emptyQuestion = (): QuizQuestionDraft => ({ text: "", options: ["", ""], correct: null, seconds: "20" });

export function emptyDraft(kind: PreparedKind): Draft {
  switch (kind) {
    case "poll":
      return { kind, question: "", multi: false, after: false, options: ["", ""], translations: {} };
    case "quiz":
      return { kind, title: "", questions: [emptyQuestion()], translations: {} };
    case "wordcloud":
      return { kind, prompt: "", perPerson: String(Limits.wordsPerPersonDefault), translations: {} };
    default:
      return kind satisfies never;
  }
}

export function draftOf(item: PreparedInteraction): Draft {
  switch (item.kind) {
    case "poll": {
      const d = item.definition;
      return {
        kind: "poll",
        question: d.question,
        multi: d.kind === "multi",
        after: d.results === "after-close",
        options: [...d.options],
        translations: flatten(entriesOf(d.translations)),
      };
    }
    case "quiz": {
      const translations = flatten(entriesOf(item.definition.translations));
      for (const [i, q] of item.definition.questions.entries())
        flatten(entriesOf(q.translations), translations, `questions.${i}.`);
      return {
        kind: "quiz",
        title: item.definition.title,
        translations,
        questions: item.definition.questions.map((q) => ({
          text: q.text,
          options: [...q.options],
          correct: q.correct,
          seconds: String(q.seconds),
        })),
      };
    }
    case "wordcloud":
      return {
        kind: "wordcloud",
        prompt: item.definition.prompt,
        perPerson: String(item.definition.perPerson),
        translations: flatten(entriesOf(item.definition.translations)),
      };
    default:
      return item satisfies never;
  }
}

/** What a prepared item is called in lists and messages. */
export const titleOfItem = (item: PreparedInteraction): string => {
  switch (item.kind) {
    case "poll":
      return item.definition.question;
    case "quiz":
      return item.definition.title;
    case "wordcloud":
      return item.definition.prompt;
    default:
      return item satisfies never;
  }
};

const entriesOf = (t: object | undefined) => Object.entries(t ?? {}) as [Language, Record<string, string | string[]>][];

/** `{ nl: …, … }` from each translated language's texts, or nothing when none is translated. */
function perLanguage<T>(d: Draft, texts: (get: (path: string) => string) => T): { translations?: Record<string, T> } {
  const langs = translatedLanguages(d);
  return langs.length > 0 ? { translations: Object.fromEntries(langs.map(([lang, get]) => [lang, texts(get)])) } : {};
}

const whole = (s: string) => (/^\s*\d+\s*$/.test(s) ? Number(s) : Number.NaN);

/** The request body for the draft (assumes `check` found nothing). */
export function bodyOf(d: Draft) {
  switch (d.kind) {
    case "poll":
      return {
        kind: d.kind,
        definition: {
          question: d.question.trim(),
          kind: d.multi ? ("multi" as const) : ("single" as const),
          options: d.options.map((o) => o.trim()),
          results: d.after ? ("after-close" as const) : ("live" as const),
          ...perLanguage(d, (get) => ({
            question: get("question"),
            options: d.options.map((_, i) => get(`options.${i}`)),
          })),
        },
      };
    case "quiz":
      return {
        kind: d.kind,
        definition: {
          title: d.title.trim(),
          questions: d.questions.map((q, i) => ({
            text: q.text.trim(),
            options: q.options.map((o) => o.trim()),
            correct: q.correct ?? 0,
            seconds: whole(q.seconds),
            ...perLanguage(d, (get) => ({
              text: get(`questions.${i}.text`),
              options: q.options.map((_, j) => get(`questions.${i}.options.${j}`)),
            })),
          })),
          ...perLanguage(d, (get) => ({ title: get("title") })),
        },
      };
    case "wordcloud":
      return {
        kind: d.kind,
        definition: {
          prompt: d.prompt.trim(),
          perPerson: whole(d.perPerson),
          ...perLanguage(d, (get) => ({ prompt: get("prompt") })),
        },
      };
    default:
      return d satisfies never;
  }
}

function text(errors: Record<string, DraftError>, path: string, value: string, max: number): void {
  if (!value.trim()) errors[path] = { key: "admin.interactions.error.required" };
  else if (charCount(value.trim()) > max) errors[path] = { key: "admin.interactions.error.tooLong", params: { max } };
}

function options(
  errors: Record<string, DraftError>,
  prefix: string,
  values: readonly string[],
  limits: { min: number; max: number; chars: number; distinct: boolean },
): void {
  if (values.length < limits.min || values.length > limits.max)
    errors[`${prefix}options`] = {
      key: "admin.interactions.error.optionsCount",
      params: { min: limits.min, max: limits.max },
    };
  const seen = new Set<string>();
  values.forEach((v, i) => {
    const path = `${prefix}options.${i}`;
    text(errors, path, v, limits.chars);
    const folded = v.trim().toLocaleLowerCase();
    if (limits.distinct && !errors[path] && seen.has(folded))
      errors[path] = { key: "admin.interactions.error.duplicate" };
    seen.add(folded);
  });
}

/** Every problem with the draft, by field path; empty when it can be saved. */
export function check(d: Draft): Record<string, DraftError> {
  const errors: Record<string, DraftError> = {};
  switch (d.kind) {
    case "poll":
      text(errors, "question", d.question, Limits.pollQuestionChars);
      options(errors, "", d.options, {
        min: Limits.pollMinOptions,
        max: Limits.pollMaxOptions,
        chars: Limits.pollOptionChars,
        distinct: true,
      });
      break;
    case "quiz":
      text(errors, "title", d.title, Limits.quizTitleChars);
      if (d.questions.length < 1 || d.questions.length > Limits.quizMaxQuestions)
        errors.questions = { key: "admin.interactions.error.questionsCount", params: { max: Limits.quizMaxQuestions } };
      d.questions.forEach((q, i) => {
        const at = `questions.${i}.`;
        text(errors, `${at}text`, q.text, Limits.quizQuestionChars);
        options(errors, at, q.options, {
          min: Limits.quizMinOptions,
          max: Limits.quizMaxOptions,
          chars: Limits.quizOptionChars,
          distinct: false,
        });
        if (q.correct === null || q.correct >= q.options.length)
          errors[`${at}correct`] = { key: "admin.interactions.error.correct" };
        const seconds = whole(q.seconds);
        if (!(seconds >= Limits.quizMinSeconds && seconds <= Limits.quizMaxSeconds))
          errors[`${at}seconds`] = {
            key: "admin.interactions.error.seconds",
            params: { min: Limits.quizMinSeconds, max: Limits.quizMaxSeconds },
          };
      });
      break;
    case "wordcloud": {
      text(errors, "prompt", d.prompt, Limits.wordcloudPromptChars);
      const n = whole(d.perPerson);
      if (!(n >= 1 && n <= Limits.wordsPerPersonMax))
        errors.perPerson = {
          key: "admin.interactions.error.perPerson",
          params: { min: 1, max: Limits.wordsPerPersonMax },
        };
      break;
    }
    default:
      return d satisfies never;
  }
  checkTranslations(d, errors);
  return errors;
}

/** The input's id for an error path (`questions.0.options.1` → `prep-questions-0-options-1`). */
export const fieldId = (path: string) => `prep-${path.replace(/\./g, "-")}`;
