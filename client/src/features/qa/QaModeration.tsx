import { createMemo, For, Show } from "solid-js";
import type { QaModerationAction, QaQuestion } from "../../../../core/protocol";
import { t } from "../../i18n";
import { ErrorNote } from "../session/ErrorNote";
import type { LiveSession } from "../session/live";
import { useAction } from "../session/useAction";

const actionsFor: Record<QaQuestion["status"], QaModerationAction[]> = {
  pending: ["approve", "dismiss"],
  open: ["answer", "dismiss"],
  answered: ["reopen", "dismiss"],
  dismissed: ["reopen"],
};

/** Moderator buttons for one question: status changes and the stage highlight. */
function Actions(props: { live: LiveSession; question: QaQuestion }) {
  const act = useAction(props.live);
  const onStage = () => props.live.state.qa.highlighted === props.question.id;
  return (
    <span class="mod-actions" role="group" aria-label={props.question.text}>
      <For each={actionsFor[props.question.status]}>
        {(action) => (
          <button
            type="button"
            class="small"
            disabled={act.busy()}
            onClick={() => act.run({ type: "qa/moderate", questionId: props.question.id, action })}
          >
            {t(`qa.mod.${action}`)}
          </button>
        )}
      </For>
      <Show when={props.question.status === "open" || props.question.status === "answered"}>
        <button
          type="button"
          class="small"
          aria-pressed={onStage()}
          onClick={() => act.run({ type: "qa/highlight", questionId: onStage() ? null : props.question.id })}
        >
          {onStage() ? t("qa.mod.unhighlight") : t("qa.mod.highlight")}
        </button>
      </Show>
      <ErrorNote text={act.error()} />
    </span>
  );
}

/** The moderator's queues: questions waiting for approval, and dismissed ones (to bring back). */
export function QaModeration(props: { live: LiveSession }) {
  const by = (status: QaQuestion["status"]) =>
    createMemo(() => props.live.state.qa.questions.filter((q) => q.status === status));
  const pending = by("pending");
  const dismissed = by("dismissed");
  const list = (questions: QaQuestion[]) => (
    <ul class="questions">
      <For each={questions}>
        {(q) => (
          <li class="question" data-status={q.status} data-question-id={q.id}>
            <span class="question-body">
              <span class="question-text">{q.text}</span>
              <span class="question-meta muted small">{q.authorName ?? t("qa.anonymous")}</span>
            </span>
            <Actions live={props.live} question={q} />
          </li>
        )}
      </For>
    </ul>
  );
  return (
    <div class="qa-moderation">
      <Show when={pending().length > 0}>
        <h3>{t("qa.mod.pending", { count: pending().length })}</h3>
        {list(pending())}
      </Show>
      <Show when={dismissed().length > 0}>
        <details>
          <summary>{t("qa.mod.dismissed", { count: dismissed().length })}</summary>
          {list(dismissed())}
        </details>
      </Show>
    </div>
  );
}

QaModeration.Actions = Actions;
