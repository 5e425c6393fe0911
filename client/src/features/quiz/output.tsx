import { For, Match, Show, Switch } from "solid-js";
import { type QuizCurrentQuestion, type QuizView, quizInLanguage } from "../../../../core/protocol";
import { language, t } from "../../i18n";
import { currentItem } from "../session/current";
import type { LiveSession } from "../session/live";
import { defineOutput } from "../session/output";
import { Leaderboard } from "./Leaderboard";
import { optionLetter } from "./letters";
import { secondsLeft } from "./time";

/**
 * The quiz on the broadcast: while a question runs, the question, its options (lettered as on the
 * participants' buttons), the countdown and how many answered; on the reveal, the same options with
 * the right one marked and how many chose each, beside the leaderboard; once the quiz is over, the
 * final leaderboard. The options keep their place between the phases, so a reveal never jumps.
 */
export const quizOutput = defineOutput({ kind: "quiz", View: QuizOutput });

function QuizOutput(props: { live: LiveSession }) {
  const quiz = () => {
    const current = currentItem(props.live.state.quizzes);
    return current && quizInLanguage(current, language());
  };
  return (
    <Show when={quiz()}>
      {(q) => (
        <section
          class="output-quiz"
          data-quiz-id={q().id}
          data-status={q().status}
          data-phase={q().current?.phase ?? "none"}
        >
          <h1 class="output-quiz-title">{q().title}</h1>
          <Switch>
            <Match when={q().status === "closed"}>
              <h2>{t("quiz.leaderboard")}</h2>
              <Leaderboard quiz={q()} />
            </Match>
            <Match when={q().current}>{(c) => <QuestionOutput quiz={q()} current={c()} live={props.live} />}</Match>
          </Switch>
        </section>
      )}
    </Show>
  );
}

function QuestionOutput(props: { quiz: QuizView; current: QuizCurrentQuestion; live: LiveSession }) {
  const left = () => secondsLeft(props.current.deadline, props.live.serverNow());
  const revealed = () => props.current.phase === "revealed" && props.current.correct !== undefined;
  return (
    <div class="output-question">
      <p class="output-sub">{t("quiz.question", { n: props.current.index + 1, total: props.quiz.questionCount })}</p>
      <p class="output-question-text">{props.current.text}</p>
      <div class="output-quiz-body">
        <ol class="output-options">
          <For each={props.current.options}>
            {(option, i) => (
              <li
                class="output-option"
                data-option={i()}
                data-correct={revealed() ? (props.current.correct === i() ? "yes" : "no") : undefined}
              >
                <span class="option-letter">{optionLetter(i())}</span>
                <span class="option-text">{option}</span>
                <Show when={revealed() && props.current.correct === i()}>
                  <span class="option-mark">
                    <span aria-hidden="true">✓</span>
                    <span class="visually-hidden">{t("output.rightAnswer")}</span>
                  </span>
                </Show>
                <Show when={props.current.counts}>
                  {(counts) => <span class="option-count">{t("quiz.chosen", { count: counts()[i()] ?? 0 })}</span>}
                </Show>
              </li>
            )}
          </For>
        </ol>
        <div class="output-quiz-side">
          <Show
            when={props.current.phase === "answering"}
            fallback={
              <Show when={props.quiz.leaderboard.length > 0}>
                <h2>{t("quiz.leaderboard")}</h2>
                <Leaderboard quiz={{ ...props.quiz, leaderboard: props.quiz.leaderboard.slice(0, SIDE_LEADERBOARD) }} />
              </Show>
            }
          >
            <p class="output-timer" data-seconds={left()}>
              <span class="countdown">{left() > 0 ? t("quiz.timeLeft", { seconds: left() }) : t("quiz.timeUp")}</span>
            </p>
            <p class="output-count" data-answered={props.quiz.answered}>
              {t("output.answered", { count: props.quiz.answered })}
            </p>
          </Show>
        </div>
      </div>
    </div>
  );
}

/** Beside the options there is room for this many rows at broadcast size; the final board has all ten. */
const SIDE_LEADERBOARD = 5;
