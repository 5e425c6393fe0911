import type { Language } from "../../../../../core/protocol/identity";
import { charCount, Limits } from "../../../../../core/protocol/limits";
import type { AdminKey } from "../../i18n";
import type { Draft, DraftError } from "./draft";

/*
 * A prepared item's texts in the event's other languages, as the form holds them: per language,
 * the translated text by the original's path (`question`, `options.1`, `questions.0.text`). Pure,
 * for the unit tests. A language left wholly empty is not sent: its readers see the original.
 */
export type Translations = Partial<Record<Language, Record<string, string>>>;

export interface Translatable {
  path: string;
  original: string;
  max: number;
  label: { key: AdminKey; params?: Record<string, number> };
}

/** Every text of the draft that a language can translate, in the form's order. */
export function translatable(d: Draft): Translatable[] {
  const options = (prefix: string, values: readonly string[], max: number): Translatable[] =>
    values.map((original, i) => ({
      path: `${prefix}options.${i}`,
      original,
      max,
      label: { key: "admin.interactions.option", params: { n: i + 1 } },
    }));
  switch (d.kind) {
    case "poll":
      return [
        {
          path: "question",
          original: d.question,
          max: Limits.pollQuestionChars,
          label: { key: "admin.interactions.poll.question" },
        },
        ...options("", d.options, Limits.pollOptionChars),
      ];
    case "quiz":
      return [
        {
          path: "title",
          original: d.title,
          max: Limits.quizTitleChars,
          label: { key: "admin.interactions.quiz.title" },
        },
        ...d.questions.flatMap((q, i) => [
          {
            path: `questions.${i}.text`,
            original: q.text,
            max: Limits.quizQuestionChars,
            label: { key: "admin.interactions.quiz.text" as const, params: { n: i + 1 } },
          },
          ...options(`questions.${i}.`, q.options, Limits.quizOptionChars),
        ]),
      ];
    case "wordcloud":
      return [
        {
          path: "prompt",
          original: d.prompt,
          max: Limits.wordcloudPromptChars,
          label: { key: "admin.interactions.cloud.prompt" },
        },
      ];
    default:
      return d satisfies never;
  }
}

const filled = (texts: Record<string, string> | undefined, paths: readonly Translatable[]) =>
  paths.some((p) => (texts?.[p.path] ?? "").trim() !== "");

/** Problems with the translations, by the API's path (`translations.nl.options.1`). */
export function checkTranslations(d: Draft, errors: Record<string, DraftError>): void {
  const paths = translatable(d);
  for (const [lang, texts] of Object.entries(d.translations) as [Language, Record<string, string>][]) {
    if (!filled(texts, paths)) continue;
    const options = new Set<string>();
    for (const p of paths) {
      const value = (texts[p.path] ?? "").trim();
      const at = translationPath(lang, p.path);
      if (!value) errors[at] = { key: "admin.interactions.error.translationMissing" };
      else if (charCount(value) > p.max)
        errors[at] = { key: "admin.interactions.error.tooLong", params: { max: p.max } };
      else if (d.kind === "poll" && p.path.startsWith("options.")) {
        // As in the original: two options alike would split the votes.
        if (options.has(value.toLocaleLowerCase())) errors[at] = { key: "admin.interactions.error.duplicate" };
        options.add(value.toLocaleLowerCase());
      }
    }
  }
}

/**
 * A quiz/poll-shaped list lost its item `removed` (`list` is "options.", "questions.0.options." or
 * "questions."): its translations go with it and the later ones move up, as the originals do.
 */
export function dropTranslated(t: Translations, list: string, removed: number): Translations {
  const out: Translations = {};
  const at = new RegExp(`^${list.replace(/\./g, "\\.")}(\\d+)(\\..*)?$`);
  for (const [lang, texts] of Object.entries(t) as [Language, Record<string, string>][]) {
    const moved: Record<string, string> = {};
    for (const [path, value] of Object.entries(texts)) {
      const m = at.exec(path);
      const n = m ? Number(m[1]) : -1;
      if (n === removed) continue;
      moved[n > removed ? `${list}${n - 1}${m?.[2] ?? ""}` : path] = value;
    }
    out[lang] = moved;
  }
  return out;
}

export const translationPath = (lang: Language, path: string) => `translations.${lang}.${path}`;

/** The languages that have any translated text (the others are not sent). */
export function translatedLanguages(d: Draft): [Language, (path: string) => string][] {
  const paths = translatable(d);
  return (Object.entries(d.translations) as [Language, Record<string, string>][])
    .filter(([, texts]) => filled(texts, paths))
    .map(([lang, texts]) => [lang, (path: string) => (texts[path] ?? "").trim()]);
}

/** The per-path texts of a saved item's translations (the reverse of the request body). */
export function flatten(
  entries: [Language, Record<string, string | string[]>][],
  into: Translations = {},
  prefix = "",
): Translations {
  for (const [lang, texts] of entries) {
    const flat = into[lang] ?? {};
    for (const [key, value] of Object.entries(texts)) {
      if (!Array.isArray(value)) flat[`${prefix}${key}`] = value;
      else for (const [i, v] of value.entries()) flat[`${prefix}${key}.${i}`] = v;
    }
    into[lang] = flat;
  }
  return into;
}
