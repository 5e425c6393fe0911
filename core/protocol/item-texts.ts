import * as v from "valibot";
import { Text } from "./common";
import { type Language, Languages } from "./identity";
import { Limits } from "./limits";
import type { QuizView } from "./quiz";

/*
 * Prepared polls, quizzes and word clouds are organizer-written text: besides the text in the
 * event's first language they may carry the same texts in the event's other languages, shaped
 * like the original (an option's translation sits at the option's index). Participants see their
 * language's text where there is one, else the original; results and reports keep the original.
 */

/** Texts per language, any subset of the languages Foyer speaks. */
const perLanguage = <T extends v.GenericSchema>(texts: T) => v.optional(v.record(v.picklist(Languages), texts));

export const PollTranslations = perLanguage(
  v.strictObject({
    question: Text(Limits.pollQuestionChars),
    options: v.pipe(v.array(Text(Limits.pollOptionChars)), v.maxLength(Limits.pollMaxOptions)),
  }),
);
export const QuizQuestionTranslations = perLanguage(
  v.strictObject({
    text: Text(Limits.quizQuestionChars),
    options: v.pipe(v.array(Text(Limits.quizOptionChars)), v.maxLength(Limits.quizMaxOptions)),
  }),
);
export const QuizTranslations = perLanguage(v.strictObject({ title: Text(Limits.quizTitleChars) }));
export const WordcloudTranslations = perLanguage(v.strictObject({ prompt: Text(Limits.wordcloudPromptChars) }));

type Translated<T> = { translations?: Partial<Record<Language, T>> };

/** `item` with the texts of `lang` in place of the original's, when it has them. */
export function inLanguage<T extends object, Texts extends Partial<T>>(
  item: T & Translated<Texts>,
  lang: Language,
): T & Translated<Texts> {
  const texts = item.translations?.[lang];
  return texts ? { ...item, ...texts } : item;
}

/** A quiz as someone reading `lang` sees it: its title and the running question in their language. */
export function quizInLanguage(quiz: QuizView, lang: Language): QuizView {
  const q = inLanguage(quiz, lang);
  return q.current ? { ...q, current: inLanguage(q.current, lang) } : q;
}
