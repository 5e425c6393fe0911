import { createSignal, Index, Show } from "solid-js";
import { Limits } from "../../../../core/protocol";
import { t } from "../../i18n";
import { ItemEditor } from "../moderation/ItemEditor";
import type { Lifecycle } from "../moderation/ItemActions";
import { ItemsCard } from "../moderation/ItemsCard";
import type { LiveSession } from "../session/live";
import { PollResults } from "./PollResults";

const lifecycle = (pollId: string): Lifecycle => ({
  open: { type: "poll/open", pollId },
  close: { request: { type: "poll/close", pollId }, warning: t("mod.confirm.close.poll") },
  visibility: (visible) => ({ type: "poll/visibility", pollId, visible }),
  hideWarning: t("mod.confirm.hide.poll"),
  remove: { type: "poll/delete", pollId },
});

function PollEditor(props: { live: LiveSession }) {
  const [question, setQuestion] = createSignal("");
  const [options, setOptions] = createSignal(["", ""]);
  const [multi, setMulti] = createSignal(false);
  const [after, setAfter] = createSignal(false);
  return (
    <ItemEditor
      live={props.live}
      headingId="poll-editor-heading"
      summary={t("mod.poll.new")}
      request={() => ({
        type: "poll/create",
        poll: {
          question: question(),
          kind: multi() ? "multi" : "single",
          options: options().filter((o) => o.trim()),
          results: after() ? "after-close" : "live",
        },
      })}
      onCreated={() => {
        setQuestion("");
        setOptions(["", ""]);
      }}
    >
      <label for="poll-question">{t("mod.poll.question")}</label>
      <input
        id="poll-question"
        type="text"
        required
        maxlength={Limits.pollQuestionChars}
        value={question()}
        onInput={(e) => setQuestion(e.currentTarget.value)}
      />
      <Index each={options()}>
        {(option, i) => (
          <div class="row">
            <label for={`poll-option-${i}`}>{t("mod.poll.option", { n: i + 1 })}</label>
            <input
              id={`poll-option-${i}`}
              type="text"
              maxlength={Limits.pollOptionChars}
              value={option()}
              onInput={(e) => setOptions((o) => o.map((x, j) => (j === i ? e.currentTarget.value : x)))}
            />
            <Show when={options().length > Limits.pollMinOptions}>
              <button
                type="button"
                class="small secondary"
                aria-label={t("mod.poll.removeOption", { n: i + 1 })}
                onClick={() => setOptions((o) => o.filter((_, j) => j !== i))}
              >
                {t("mod.remove")}
              </button>
            </Show>
          </div>
        )}
      </Index>
      <Show when={options().length < Limits.pollMaxOptions}>
        <button type="button" class="secondary" onClick={() => setOptions((o) => [...o, ""])}>
          {t("mod.poll.addOption")}
        </button>
      </Show>
      <label class="check">
        <input type="checkbox" checked={multi()} onChange={(e) => setMulti(e.currentTarget.checked)} />
        {t("mod.poll.multi")}
      </label>
      <label class="check">
        <input type="checkbox" checked={after()} onChange={(e) => setAfter(e.currentTarget.checked)} />
        {t("mod.poll.resultsAfter")}
      </label>
    </ItemEditor>
  );
}

/** Every poll of the session, drafts included, with live results and life-cycle buttons. */
export function PollControls(props: { live: LiveSession }) {
  return (
    <ItemsCard
      live={props.live}
      kind="poll"
      heading={t("mod.polls")}
      items={props.live.state.polls}
      title={(poll) => poll.question}
      lifecycle={lifecycle}
      details={(poll) => (
        <Show when={poll().status !== "draft"}>
          <p class="muted small">{t("poll.voters", { count: poll().voters })}</p>
          <PollResults poll={poll()} />
        </Show>
      )}
      editor={<PollEditor live={props.live} />}
    />
  );
}
