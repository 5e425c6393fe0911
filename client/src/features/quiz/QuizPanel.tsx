import { For, Match, Show, Switch } from "solid-js";
import { quizInLanguage, type QuizStanding, type QuizView } from "../../../../core/protocol";
import { language, t } from "../../i18n";
import { ErrorNote } from "../session/ErrorNote";
import type { LiveSession } from "../session/live";
import { useAction } from "../session/useAction";
import { VisibleItems } from "../session/VisibleItems";
import { Leaderboard } from "./Leaderboard";
import { optionLetter } from "./letters";
import { secondsLeft } from "./time";

/** The running quiz: the current question with its countdown, then the answer and the standings. */
export function QuizPanel(props: { live: LiveSession }) {
  return (
    <VisibleItems class="quiz" heading={t("session.tab.quiz")} empty={t("quiz.none")} items={props.live.state.quizzes}>
      {(quiz) => <QuizCard quiz={quizInLanguage(quiz(), language())} live={props.live} />}
    </VisibleItems>
  );
}

function QuizCard(props: { quiz: QuizView; live: LiveSession }) {
  const answer = useAction(props.live, () => ({ conflict: t("quiz.locked") }));
  const standing = () => props.live.state.me.quizzes[props.quiz.id];
  const current = () => props.quiz.current;
  const myChoice = () => {
    const c = current();
    return c ? standing()?.answers[c.index] : undefined;
  };
  const left = () => {
    const c = current();
    return c ? secondsLeft(c.deadline, props.live.serverNow()) : 0;
  };
  const answering = () => props.quiz.status === "open" && current()?.phase === "answering" && left() > 0;
  // Once the last question's answer is shown no score can change: the quiz is over for players,
  // even before the moderator formally finishes it.
  const over = () => {
    const c = current();
    return (
      props.quiz.status === "closed" ||
      (c !== null && c.phase === "revealed" && c.index + 1 >= props.quiz.questionCount)
    );
  };
  const rankNote = (s: QuizStanding): string => {
    if (s.rank !== null) return t("quiz.rank", { rank: s.rank, players: s.players });
    // Ranks count revealed answers only: someone who just answered is on the board at the reveal.
    if (Object.keys(s.answers).length > 0) return t("quiz.rankAfterReveal");
    return over() ? t("quiz.noAnswers") : t("quiz.noRank");
  };

  return (
    <article class="card quiz-card" data-quiz-id={props.quiz.id} aria-labelledby={`quiz-${props.quiz.id}`}>
      <h3 id={`quiz-${props.quiz.id}`}>{props.quiz.title}</h3>
      <Show when={current()}>
        {(c) => (
          <div class="quiz-question" data-phase={c().phase}>
            <p class="muted small">
              {t("quiz.question", { n: c().index + 1, total: props.quiz.questionCount })}
              {" · "}
              <span class="countdown" role="timer" aria-live="off">
                {answering() ? t("quiz.timeLeft", { seconds: left() }) : t("quiz.timeUp")}
              </span>
              {" · "}
              {t("quiz.answered", { count: props.quiz.answered })}
            </p>
            <p class="quiz-text">{c().text}</p>
            <div class="quiz-options" role="group" aria-label={c().text}>
              <For each={c().options}>
                {(option, i) => (
                  <button
                    type="button"
                    class="quiz-option"
                    classList={{
                      chosen: myChoice() === i(),
                      correct: c().correct === i(),
                      wrong: c().correct !== undefined && myChoice() === i() && c().correct !== i(),
                    }}
                    aria-pressed={myChoice() === i()}
                    disabled={!answering() || myChoice() !== undefined || answer.busy()}
                    onClick={() =>
                      answer.run({ type: "quiz/answer", quizId: props.quiz.id, question: c().index, choice: i() })
                    }
                  >
                    <span>
                      <span class="quiz-letter">{optionLetter(i())}</span> {option}
                    </span>
                    <Show when={c().counts}>
                      <span class="small">{t("quiz.chosen", { count: c().counts?.[i()] ?? 0 })}</span>
                    </Show>
                  </button>
                )}
              </For>
            </div>
            <ErrorNote text={answer.error()} />
            <p role="status">
              <Switch>
                <Match when={c().phase === "answering" && myChoice() !== undefined}>{t("quiz.locked")}</Match>
                <Match when={c().phase === "revealed" && c().correct !== undefined && myChoice() === c().correct}>
                  {t("quiz.correct")}
                </Match>
                <Match when={c().phase === "revealed" && myChoice() !== undefined}>
                  {t("quiz.wrong", { answer: c().options[c().correct ?? 0] ?? "" })}
                </Match>
                <Match when={c().phase === "revealed"}>
                  {t("quiz.missed", { answer: c().options[c().correct ?? 0] ?? "" })}
                </Match>
              </Switch>
            </p>
          </div>
        )}
      </Show>
      <Show when={over()}>
        <p class="quiz-over">{props.quiz.status === "closed" ? t("quiz.finished") : t("quiz.lastDone")}</p>
      </Show>
      <Show when={standing()}>
        {(s) => (
          <p class="quiz-standing">
            {over() ? t("quiz.finalScore", { points: s().points }) : t("quiz.score", { points: s().points })}
            {" · "}
            {rankNote(s())}
          </p>
        )}
      </Show>
      <Show when={!over() && current()?.phase === "revealed"}>
        <p class="muted">{t("quiz.waitingNext")}</p>
      </Show>
      <Show when={props.quiz.leaderboard.length > 0}>
        <h4>{over() ? t("quiz.finalLeaderboard") : t("quiz.leaderboard")}</h4>
        <Leaderboard quiz={props.quiz} you={props.live.state.you?.name} />
      </Show>
    </article>
  );
}
