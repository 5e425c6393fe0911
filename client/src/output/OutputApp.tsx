import { createEffect, For, Match, Show, Switch } from "solid-js";
import { countsVisibleToAudience } from "./visibility";
import { Cloud } from "../features/wordcloud/Cloud";
import { PollResults } from "../features/poll/PollResults";
import { useLiveSession, type LiveSession } from "../features/session/live";
import { language, t } from "../i18n";
import { pageMeta } from "../lib/api";
import { currentItem } from "./current";
import { parseOutputPath, type OutputKind } from "./route";
import { CleanFeedOutput } from "./CleanFeed";
import { MatrixOutput } from "./Matrix";
import { QuizOutput } from "./Quiz";

/**
 * A producer output: one kind of live result, full screen at 1920×1080, no controls, updating
 * as the session changes. Captured as a browser source, so nothing on it may move the layout
 * around or ask for input.
 */
export function OutputApp() {
  const status = pageMeta("output-status");
  const route = parseOutputPath(location.pathname);
  createEffect(() => (document.documentElement.lang = language()));
  return (
    <main class="output" data-kind={route?.kind}>
      <Switch>
        <Match when={status === "signed-out"}>
          <p class="output-message">{t("output.signedOut")}</p>
        </Match>
        <Match when={status === "forbidden"}>
          <p class="output-message">{t("output.forbidden")}</p>
        </Match>
        <Match when={!route}>
          <p class="output-message">{t("output.unknown")}</p>
        </Match>
        <Match when={route}>{(r) => <LiveOutput sessionId={r().sessionId} kind={r().kind} />}</Match>
      </Switch>
    </main>
  );
}

function LiveOutput(props: { sessionId: string; kind: OutputKind }) {
  const live = useLiveSession(props.sessionId, { output: true });
  return (
    <div class="output-stage" data-ready={live.state.ready ? "yes" : "no"}>
      <Switch>
        <Match when={props.kind === "poll"}>
          <PollOutput live={live} />
        </Match>
        <Match when={props.kind === "quiz"}>
          <QuizOutput live={live} />
        </Match>
        <Match when={props.kind === "wordcloud"}>
          <WordcloudOutput live={live} />
        </Match>
        <Match when={props.kind === "question"}>
          <QuestionOutput live={live} />
        </Match>
        <Match when={props.kind === "clean-feed"}>
          <CleanFeedOutput live={live} />
        </Match>
        <Match when={props.kind === "matrix"}>
          <MatrixOutput live={live} />
        </Match>
      </Switch>
    </div>
  );
}

function PollOutput(props: { live: LiveSession }) {
  const poll = () => currentItem(props.live.state.polls);
  return (
    <Show when={poll()}>
      {(p) => (
        <section class="output-poll" data-poll-id={p().id} data-voters={p().voters}>
          <h1>{p().question}</h1>
          {/* The broadcast is what participants see: results wait for the close when the poll says so. */}
          <Show when={countsVisibleToAudience(p())}>
            <PollResults poll={p()} />
          </Show>
          <p class="output-count">{t("output.votes", { count: p().voters })}</p>
        </section>
      )}
    </Show>
  );
}

function WordcloudOutput(props: { live: LiveSession }) {
  const cloud = () => currentItem(props.live.state.wordclouds);
  return (
    <Show when={cloud()}>
      {(c) => (
        <section class="output-cloud" data-cloud-id={c().id}>
          <h1>{c().prompt}</h1>
          <Cloud words={c().words} label={c().prompt} />
        </section>
      )}
    </Show>
  );
}

function QuestionOutput(props: { live: LiveSession }) {
  const question = () => props.live.state.qa.questions.find((q) => q.id === props.live.state.qa.highlighted);
  return (
    <Show when={question()}>
      {(q) => (
        <section class="output-highlight" data-question-id={q().id}>
          <blockquote>{q().text}</blockquote>
          <p class="output-sub">
            <For each={[q().authorName ?? t("qa.anonymous")]}>{(name) => <span>{name}</span>}</For>
          </p>
        </section>
      )}
    </Show>
  );
}
