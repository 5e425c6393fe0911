import { Index, Show } from "solid-js";
import type { SetStoreFunction } from "solid-js/store";
import { Limits } from "../../../../../core/protocol/limits";
import { ta } from "../../i18n";
import { emptyQuestion, fieldId, type Draft } from "./draft";
import { type Errors, FieldError, OptionList, TextField } from "./fields";
import { dropTranslated } from "./translations";

type QuizDraft = Extract<Draft, { kind: "quiz" }>;

/** A quiz's title and questions: each with its options, the right answer and the time to answer. */
export function QuizFields(props: { draft: QuizDraft; set: SetStoreFunction<QuizDraft>; errors: Errors }) {
  const focusQuestion = (i: number) =>
    queueMicrotask(() => document.getElementById(fieldId(`questions.${i}.text`))?.focus());
  return (
    <>
      <TextField
        path="title"
        label={ta("admin.interactions.quiz.title")}
        value={props.draft.title}
        maxlength={Limits.quizTitleChars}
        errors={props.errors}
        onInput={(v) => props.set("title", v)}
      />
      <FieldError path="questions" errors={props.errors} />
      <Index each={props.draft.questions}>
        {(question, i) => {
          const at = `questions.${i}.`;
          return (
            <fieldset class="prep-question">
              <legend>{ta("admin.interactions.quiz.question", { n: i + 1 })}</legend>
              <TextField
                path={`${at}text`}
                label={ta("admin.interactions.quiz.text", { n: i + 1 })}
                value={question().text}
                maxlength={Limits.quizQuestionChars}
                errors={props.errors}
                onInput={(v) => props.set("questions", i, "text", v)}
              />
              <OptionList
                prefix={at}
                options={question().options}
                min={Limits.quizMinOptions}
                max={Limits.quizMaxOptions}
                maxlength={Limits.quizOptionChars}
                errors={props.errors}
                onChange={(options) => {
                  const correct = question().correct;
                  props.set("questions", i, {
                    options,
                    correct: correct !== null && correct < options.length ? correct : null,
                  });
                }}
                onRemove={(j) => props.set("translations", (t) => dropTranslated(t, `${at}options.`, j))}
              />
              <fieldset
                class="field prep-correct"
                id={fieldId(`${at}correct`)}
                tabindex="-1"
                aria-invalid={props.errors[`${at}correct`] ? "true" : undefined}
                aria-describedby={props.errors[`${at}correct`] ? `${fieldId(`${at}correct`)}-error` : undefined}
              >
                <legend>{ta("admin.interactions.quiz.correct", { n: i + 1 })}</legend>
                <Index each={question().options}>
                  {(option, j) => (
                    <label class="check">
                      <input
                        type="radio"
                        name={`prep-correct-${i}`}
                        checked={question().correct === j}
                        onChange={() => props.set("questions", i, "correct", j)}
                      />
                      {option().trim() || ta("admin.interactions.option", { n: j + 1 })}
                    </label>
                  )}
                </Index>
                <FieldError path={`${at}correct`} errors={props.errors} />
              </fieldset>
              <TextField
                path={`${at}seconds`}
                type="number"
                min={Limits.quizMinSeconds}
                max={Limits.quizMaxSeconds}
                label={ta("admin.interactions.quiz.seconds", {
                  n: i + 1,
                  min: Limits.quizMinSeconds,
                  max: Limits.quizMaxSeconds,
                })}
                value={question().seconds}
                errors={props.errors}
                onInput={(v) => props.set("questions", i, "seconds", v)}
              />
              <Show when={props.draft.questions.length > 1}>
                <button
                  type="button"
                  class="secondary"
                  onClick={() => {
                    props.set("questions", (qs) => qs.filter((_, j) => j !== i));
                    props.set("translations", (t) => dropTranslated(t, "questions.", i));
                    focusQuestion(Math.min(i, props.draft.questions.length - 1));
                  }}
                >
                  {ta("admin.interactions.quiz.removeQuestion", { n: i + 1 })}
                </button>
              </Show>
            </fieldset>
          );
        }}
      </Index>
      <Show when={props.draft.questions.length < Limits.quizMaxQuestions}>
        <button
          type="button"
          class="secondary"
          onClick={() => {
            props.set("questions", (qs) => [...qs, emptyQuestion()]);
            focusQuestion(props.draft.questions.length - 1);
          }}
        >
          {ta("admin.interactions.quiz.addQuestion")}
        </button>
      </Show>
    </>
  );
}
