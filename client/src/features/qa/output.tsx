import { For, Show } from "solid-js";
import { t } from "../../i18n";
import type { LiveSession } from "../session/live";
import { defineOutput } from "../session/output";

/** The highlighted question on the broadcast, with who asked it. */
export const questionOutput = defineOutput({ kind: "question", View: QuestionOutput });

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
