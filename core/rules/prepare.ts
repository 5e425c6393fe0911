import type { Language } from "../protocol/identity";
import type { PollDefinition } from "../protocol/poll";
import type { QuizDefinition } from "../protocol/quiz";
import type { WordcloudDefinition } from "../protocol/wordcloud";
import { Limits } from "../protocol/limits";
import { ok, refuse, type Outcome } from "./outcome";
import { cleanText } from "./text";

/*
 * Preparing an item: the same checks whether a moderator creates it live in the session or an
 * organizer prepares it in advance through the admin API, so a prepared poll never fails when it
 * is opened.
 */

type PerLanguage<T> = Partial<Record<Language, T>>;

/**
 * Cleans every language's version of an item's texts with `clean`, which names fields under
 * `translations.<lang>.`. A language without texts is left out.
 */
function eachLanguage<T, R>(
  translations: PerLanguage<T> | undefined,
  clean: (texts: T, at: string) => Outcome<R>,
): Outcome<PerLanguage<R> | undefined> {
  if (!translations) return ok(undefined);
  const out: PerLanguage<R> = {};
  for (const [lang, texts] of Object.entries(translations) as [Language, T | undefined][]) {
    if (texts === undefined) continue;
    const cleaned = clean(texts, `translations.${lang}.`);
    if (!cleaned.ok) return cleaned;
    out[lang] = cleaned.value;
  }
  return ok(Object.keys(out).length > 0 ? out : undefined);
}

/** Options cleaned one by one, as many as the original has; `distinct` refuses two alike. */
function cleanOptions(
  raw: readonly string[],
  expected: number,
  o: { max: number; field: string; distinct: boolean },
): Outcome<string[]> {
  if (raw.length !== expected)
    return refuse("bad_frame", `Give each of the ${expected} options in this language too.`, {
      field: `${o.field}options`,
    });
  const options: string[] = [];
  for (const [i, text] of raw.entries()) {
    const option = cleanText(text, o.max, { field: `${o.field}options.${i}` });
    if (!option.ok) return option;
    if (o.distinct && options.some((x) => x.toLocaleLowerCase() === option.value.toLocaleLowerCase())) {
      return refuse("bad_frame", "Each option must be different.", { field: `${o.field}options.${i}` });
    }
    options.push(option.value);
  }
  return ok(options);
}

/** Cleans a poll's texts (and their translations) and refuses duplicate options (they would split the votes). */
export function preparePoll(def: PollDefinition): Outcome<PollDefinition> {
  const texts = (question: string, raw: readonly string[], at: string) => {
    const q = cleanText(question, Limits.pollQuestionChars, { field: `poll.${at}question` });
    if (!q.ok) return q;
    const options = cleanOptions(raw, at ? def.options.length : raw.length, {
      max: Limits.pollOptionChars,
      field: `poll.${at}`,
      distinct: true,
    });
    return options.ok ? ok({ question: q.value, options: options.value }) : options;
  };
  const main = texts(def.question, def.options, "");
  if (!main.ok) return main;
  const translations = eachLanguage(def.translations, (t, at) => texts(t.question, t.options, at));
  if (!translations.ok) return translations;
  return ok({
    ...main.value,
    kind: def.kind,
    results: def.results,
    ...(translations.value ? { translations: translations.value } : {}),
  });
}

/** Cleans a quiz's texts (and their translations) and refuses a right answer that is not one of the options. */
export function prepareQuiz(def: QuizDefinition): Outcome<QuizDefinition> {
  const title = cleanText(def.title, Limits.quizTitleChars, { field: "quiz.title" });
  if (!title.ok) return title;
  const titles = eachLanguage(def.translations, (t, at) => {
    const text = cleanText(t.title, Limits.quizTitleChars, { field: `quiz.${at}title` });
    return text.ok ? ok({ title: text.value }) : text;
  });
  if (!titles.ok) return titles;
  const questions: QuizDefinition["questions"] = [];
  for (const [i, q] of def.questions.entries()) {
    const texts = (raw: string, options: readonly string[], at: string) => {
      const text = cleanText(raw, Limits.quizQuestionChars, { field: `quiz.questions.${i}.${at}text` });
      if (!text.ok) return text;
      const cleaned = cleanOptions(options, at ? q.options.length : options.length, {
        max: Limits.quizOptionChars,
        field: `quiz.questions.${i}.${at}`,
        distinct: false,
      });
      return cleaned.ok ? ok({ text: text.value, options: cleaned.value }) : cleaned;
    };
    const main = texts(q.text, q.options, "");
    if (!main.ok) return main;
    if (q.correct >= main.value.options.length) {
      return refuse("bad_frame", "The right answer must be one of the options.", {
        field: `quiz.questions.${i}.correct`,
      });
    }
    const translations = eachLanguage(q.translations, (t, at) => texts(t.text, t.options, at));
    if (!translations.ok) return translations;
    questions.push({
      ...main.value,
      correct: q.correct,
      seconds: q.seconds,
      ...(translations.value ? { translations: translations.value } : {}),
    });
  }
  return ok({ title: title.value, questions, ...(titles.value ? { translations: titles.value } : {}) });
}

/** Cleans a word cloud's prompt and its translations. */
export function prepareWordcloud(def: WordcloudDefinition): Outcome<WordcloudDefinition> {
  const clean = (raw: string, at: string) => {
    const prompt = cleanText(raw, Limits.wordcloudPromptChars, { field: `cloud.${at}prompt` });
    return prompt.ok ? ok({ prompt: prompt.value }) : prompt;
  };
  const main = clean(def.prompt, "");
  if (!main.ok) return main;
  const translations = eachLanguage(def.translations, (t, at) => clean(t.prompt, at));
  if (!translations.ok) return translations;
  return ok({
    ...main.value,
    perPerson: def.perPerson,
    ...(translations.value ? { translations: translations.value } : {}),
  });
}
