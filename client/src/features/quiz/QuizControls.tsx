import { createSignal, Index, Show } from "solid-js";
import { Limits, type QuizQuestionDefinition, type QuizView } from "../../../../core/protocol";
import { t } from "../../i18n";
import { ItemEditor } from "../moderation/ItemEditor";
import type { Lifecycle } from "../moderation/ItemActions";
import { ItemsCard } from "../moderation/ItemsCard";
import type { LiveSession } from "../session/live";
import type { Action } from "../session/useAction";
import { Leaderboard } from "./Leaderboard";

/** A quiz opens by starting and has no close of its own: it closes after its last question. */
const lifecycle = (quizId: string): Lifecycle => ({
  open: { type: "quiz/start", quizId },
  close: null,
  visibility: (visible) => ({ type: "quiz/visibility", quizId, visible }),
  hideWarning: t("mod.confirm.hide.quiz"),
  remove: { type: "quiz/delete", quizId },
});

const blankQuestion = (): QuizQuestionDefinition => ({ text: "", options: ["", ""], correct: 0, seconds: 20 });

function QuestionFields(props: {
  n: number;
  question: QuizQuestionDefinition;
  onChange(q: QuizQuestionDefinition): void;
  onRemove?: () => void;
}) {
  const q = () => props.question;
  const id = (part: string) => `quiz-q${props.n}-${part}`;
  return (
    <fieldset class="quiz-question-editor">
      <legend>{t("mod.quiz.question", { n: props.n })}</legend>
      <label for={id("text")}>{t("mod.quiz.text")}</label>
      <input
        id={id("text")}
        type="text"
        required
        maxlength={Limits.quizQuestionChars}
        value={q().text}
        onInput={(e) => props.onChange({ ...q(), text: e.currentTarget.value })}
      />
      <Index each={q().options}>
        {(option, i) => (
          <div class="row">
            <label for={id(`o${i}`)}>{t("mod.poll.option", { n: i + 1 })}</label>
            <input
              id={id(`o${i}`)}
              type="text"
              required
              maxlength={Limits.quizOptionChars}
              value={option()}
              onInput={(e) =>
                props.onChange({ ...q(), options: q().options.map((o, j) => (j === i ? e.currentTarget.value : o)) })
              }
            />
            <label class="check">
              <input
                type="radio"
                name={id("correct")}
                checked={q().correct === i}
                onChange={() => props.onChange({ ...q(), correct: i })}
              />
              {t("mod.quiz.correct")}
            </label>
          </div>
        )}
      </Index>
      <Show when={q().options.length < Limits.quizMaxOptions}>
        <button
          type="button"
          class="secondary small"
          onClick={() => props.onChange({ ...q(), options: [...q().options, ""] })}
        >
          {t("mod.poll.addOption")}
        </button>
      </Show>
      <label for={id("seconds")}>{t("mod.quiz.seconds")}</label>
      <input
        id={id("seconds")}
        type="number"
        min={Limits.quizMinSeconds}
        max={Limits.quizMaxSeconds}
        value={q().seconds}
        onInput={(e) => props.onChange({ ...q(), seconds: Number(e.currentTarget.value) })}
      />
      <Show when={props.onRemove}>
        <button type="button" class="secondary small" onClick={() => props.onRemove?.()}>
          {t("mod.quiz.removeQuestion", { n: props.n })}
        </button>
      </Show>
    </fieldset>
  );
}

function QuizEditor(props: { live: LiveSession }) {
  const [title, setTitle] = createSignal("");
  const [questions, setQuestions] = createSignal([blankQuestion()]);
  return (
    <ItemEditor
      live={props.live}
      headingId="quiz-editor-heading"
      summary={t("mod.quiz.new")}
      request={() => ({ type: "quiz/create", quiz: { title: title(), questions: questions() } })}
      onCreated={() => {
        setTitle("");
        setQuestions([blankQuestion()]);
      }}
    >
      <label for="quiz-title">{t("mod.quiz.title")}</label>
      <input
        id="quiz-title"
        type="text"
        required
        maxlength={Limits.quizTitleChars}
        value={title()}
        onInput={(e) => setTitle(e.currentTarget.value)}
      />
      <Index each={questions()}>
        {(q, i) => (
          <QuestionFields
            n={i + 1}
            question={q()}
            onChange={(next) => setQuestions((qs) => qs.map((x, j) => (j === i ? next : x)))}
            {...(questions().length > 1 ? { onRemove: () => setQuestions((qs) => qs.filter((_, j) => j !== i)) } : {})}
          />
        )}
      </Index>
      <Show when={questions().length < Limits.quizMaxQuestions}>
        <button type="button" class="secondary" onClick={() => setQuestions((qs) => [...qs, blankQuestion()])}>
          {t("mod.quiz.addQuestion")}
        </button>
      </Show>
    </ItemEditor>
  );
}

function RunControls(props: { quiz: QuizView; busy: boolean; run: Action["run"] }) {
  const c = () => props.quiz.current;
  const last = () => (c()?.index ?? 0) + 1 >= props.quiz.questionCount;
  return (
    <Show when={props.quiz.status === "open" && c()}>
      {(current) => (
        <p>
          {t("mod.quiz.progress", {
            n: current().index + 1,
            total: props.quiz.questionCount,
            answered: props.quiz.answered,
          })}{" "}
          <Show
            when={current().phase === "answering"}
            fallback={
              <button
                type="button"
                disabled={props.busy}
                onClick={() => props.run({ type: "quiz/next", quizId: props.quiz.id })}
              >
                {last() ? t("mod.quiz.finish") : t("mod.quiz.next")}
              </button>
            }
          >
            <button
              type="button"
              disabled={props.busy}
              onClick={() => props.run({ type: "quiz/lock", quizId: props.quiz.id })}
            >
              {t("mod.quiz.lock")}
            </button>
          </Show>
        </p>
      )}
    </Show>
  );
}

export function QuizControls(props: { live: LiveSession }) {
  return (
    <ItemsCard
      live={props.live}
      kind="quiz"
      heading={t("mod.quizzes")}
      items={props.live.state.quizzes}
      title={(quiz) => quiz.title}
      lifecycle={lifecycle}
      openLabel={t("mod.quiz.start")}
      details={(quiz, act) => (
        <>
          <RunControls quiz={quiz()} busy={act.busy()} run={act.run} />
          <Show when={quiz().leaderboard.length > 0}>
            <Leaderboard quiz={quiz()} />
          </Show>
        </>
      )}
      editor={<QuizEditor live={props.live} />}
    />
  );
}
