import type { PollDefinition } from "../protocol/poll";
import type { QuizDefinition } from "../protocol/quiz";
import { Limits } from "../protocol/limits";
import { ok, refuse, type Outcome } from "./outcome";
import { cleanText } from "./text";

/*
 * Preparing an item: the same checks whether a moderator creates it live in the session or an
 * organizer prepares it in advance through the admin API, so a prepared poll never fails when it
 * is opened.
 */

/** Cleans a poll's texts and refuses duplicate options (they would split the votes). */
export function preparePoll(def: PollDefinition): Outcome<PollDefinition> {
  const question = cleanText(def.question, Limits.pollQuestionChars, { field: "poll.question" });
  if (!question.ok) return question;
  const options: string[] = [];
  for (const [i, raw] of def.options.entries()) {
    const option = cleanText(raw, Limits.pollOptionChars, { field: `poll.options.${i}` });
    if (!option.ok) return option;
    if (options.some((o) => o.toLocaleLowerCase() === option.value.toLocaleLowerCase())) {
      return refuse("bad_frame", "Each option must be different.", { field: `poll.options.${i}` });
    }
    options.push(option.value);
  }
  return ok({ question: question.value, kind: def.kind, options, results: def.results });
}

/** Cleans a quiz's texts and refuses a right answer that is not one of the options. */
export function prepareQuiz(def: QuizDefinition): Outcome<QuizDefinition> {
  const title = cleanText(def.title, Limits.quizTitleChars, { field: "quiz.title" });
  if (!title.ok) return title;
  const questions: QuizDefinition["questions"] = [];
  for (const [i, q] of def.questions.entries()) {
    const text = cleanText(q.text, Limits.quizQuestionChars, { field: `quiz.questions.${i}.text` });
    if (!text.ok) return text;
    const options: string[] = [];
    for (const [j, raw] of q.options.entries()) {
      const option = cleanText(raw, Limits.quizOptionChars, { field: `quiz.questions.${i}.options.${j}` });
      if (!option.ok) return option;
      options.push(option.value);
    }
    if (q.correct >= options.length) {
      return refuse("bad_frame", "The right answer must be one of the options.", {
        field: `quiz.questions.${i}.correct`,
      });
    }
    questions.push({ text: text.value, options, correct: q.correct, seconds: q.seconds });
  }
  return ok({ title: title.value, questions });
}
