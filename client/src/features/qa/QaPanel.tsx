import { createMemo, createSignal, For, Show } from "solid-js";
import { Limits, charCount, type QaQuestion } from "../../../../core/protocol";
import { t } from "../../i18n";
import { createDraft } from "../session/draft";
import { ErrorNote } from "../session/ErrorNote";
import type { LiveSession } from "../session/live";
import { useAction } from "../session/useAction";
import { QaModeration } from "./QaModeration";
import { sortQuestions, type QaSort } from "./state";

/** Q&A: ask (optionally anonymously), upvote once, sort by popularity or time; moderators moderate in place. */
export function QaPanel(props: { live: LiveSession; moderator: boolean }) {
  const state = () => props.live.state;
  const [sort, setSort] = createSignal<QaSort>("votes");
  const [text, setText, sent] = createDraft();
  const [anonymous, setAnonymous] = createSignal(false);
  // The question asked last from this page, and whether it went to review: the status line
  // follows what happens to it (approved, answered, dismissed) instead of staying "sent".
  const [lastAsked, setLastAsked] = createSignal<{ id: string; reviewed: boolean }>();
  const ask = useAction(props.live, () => ({ limit_reached: t("qa.limit", { max: Limits.questionsPerPerson }) }));
  const vote = useAction(props.live);

  const publicQuestions = createMemo(() =>
    sortQuestions(
      state().qa.questions.filter((q) => q.status === "open" || q.status === "answered"),
      sort(),
    ),
  );
  // Own questions nobody else sees: waiting for review, or dismissed (so the asker knows).
  const myHidden = createMemo(() =>
    state().me.qa.asked.filter((q) => q.status === "pending" || q.status === "dismissed"),
  );
  const askedNote = (): string => {
    const last = lastAsked();
    const status = last && state().me.qa.asked.find((q) => q.id === last.id)?.status;
    switch (status) {
      case undefined:
        return "";
      case "pending":
        return t("qa.ask.sentPending");
      case "open":
        return last?.reviewed ? t("qa.ask.approved") : t("qa.ask.sent");
      case "answered":
        return t("qa.ask.answered");
      case "dismissed":
        return t("qa.ask.dismissed");
      default:
        return status satisfies never;
    }
  };

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (!text().trim()) return;
    setLastAsked(undefined);
    const what = text();
    const result = await ask.run({ type: "qa/ask", text: what, anonymous: anonymous() });
    if (result.ok && result.entityId) {
      sent(what);
      const id = result.entityId;
      setLastAsked({ id, reviewed: state().me.qa.asked.find((q) => q.id === id)?.status === "pending" });
    }
  };

  return (
    <section class="panel qa" aria-labelledby="qa-heading">
      <h2 id="qa-heading">{t("qa.heading")}</h2>
      <Show when={state().qa.enabled} fallback={<p class="muted">{t("qa.disabled")}</p>}>
        <form class="ask" onSubmit={submit}>
          <label for="qa-input">{t("qa.ask.label")}</label>
          <textarea
            id="qa-input"
            rows="2"
            maxlength={Limits.questionChars * 2}
            placeholder={t("qa.ask.placeholder")}
            value={text()}
            onInput={(e) => setText(e.currentTarget.value)}
            aria-describedby="qa-counter qa-note"
          />
          <span id="qa-counter" class="counter" classList={{ over: charCount(text()) > Limits.questionChars }}>
            {t("chat.counter", { count: charCount(text()), max: Limits.questionChars })}
          </span>
          <label class="check">
            <input type="checkbox" checked={anonymous()} onChange={(e) => setAnonymous(e.currentTarget.checked)} />
            {t("qa.ask.anonymous")}
          </label>
          <button type="submit" disabled={ask.busy() || charCount(text()) > Limits.questionChars}>
            {t("qa.ask.submit")}
          </button>
          <p id="qa-note" class="muted small">
            <Show when={state().qa.requireApproval}>{t("qa.ask.reviewNote")}</Show>
          </p>
        </form>
        <ErrorNote text={ask.error()} />
        <p role="status" class="small asked-note">
          {askedNote()}
        </p>

        <Show when={myHidden().length > 0}>
          <h3>{t("qa.mine")}</h3>
          <ul class="questions mine">
            <For each={myHidden()}>
              {(q) => (
                <li class="question" data-status={q.status}>
                  <span class="question-text">{q.text}</span>
                  <span class="badge">{t(`qa.status.${q.status}`)}</span>
                </li>
              )}
            </For>
          </ul>
        </Show>

        <div class="toolbar" role="group" aria-label={t("qa.sort")}>
          <button type="button" class="toggle" aria-pressed={sort() === "votes"} onClick={() => setSort("votes")}>
            {t("qa.sort.votes")}
          </button>
          <button type="button" class="toggle" aria-pressed={sort() === "recent"} onClick={() => setSort("recent")}>
            {t("qa.sort.recent")}
          </button>
        </div>
        <ErrorNote text={vote.error()} />
        <ul class="questions">
          <For each={publicQuestions()} fallback={<li class="muted">{t("qa.empty")}</li>}>
            {(q) => <QuestionItem question={q} live={props.live} moderator={props.moderator} onVote={vote.run} />}
          </For>
        </ul>
        <Show when={props.moderator}>
          <QaModeration live={props.live} />
        </Show>
      </Show>
    </section>
  );
}

export function QuestionItem(props: {
  question: QaQuestion;
  live: LiveSession;
  moderator: boolean;
  onVote?: ReturnType<typeof useAction>["run"];
}) {
  const q = () => props.question;
  const upvoted = () => props.live.state.me.qa.upvoted.includes(q().id);
  // Askers cannot upvote their own question (the server refuses it too): they see the count only.
  const mine = () => props.live.state.me.qa.asked.some((a) => a.id === q().id);
  const onStage = () => props.live.state.qa.highlighted === q().id;
  const toggle = () => props.onVote?.({ type: "qa/upvote", questionId: q().id, up: !upvoted() });
  return (
    <li class="question" data-status={q().status} data-question-id={q().id} classList={{ "on-stage": onStage() }}>
      <Show when={props.onVote}>
        <Show
          when={!mine() || upvoted()}
          fallback={
            <span class="upvote own">
              <span aria-hidden="true">▲</span>
              <span class="count" aria-hidden="true">
                {q().votes}
              </span>
              <span class="visually-hidden">{t("qa.ownVotes", { count: q().votes })}</span>
            </span>
          }
        >
          {/* An upvote given before askers were refused can still be taken back. */}
          <button
            type="button"
            class="upvote"
            aria-pressed={upvoted()}
            disabled={q().status !== "open" && !upvoted()}
            aria-label={t("qa.upvoteLabel", { text: q().text, count: q().votes })}
            onClick={toggle}
          >
            <span aria-hidden="true">▲</span>
            <span class="count">{q().votes}</span>
          </button>
        </Show>
      </Show>
      <span class="question-body">
        <span class="question-text">{q().text}</span>
        <span class="question-meta muted small">
          {q().authorName ?? t("qa.anonymous")}
          <Show when={mine()}>
            {" · "}
            <span class="badge">{t("qa.yours")}</span>
          </Show>
          <Show when={q().status !== "open"}>
            {" · "}
            <span class="badge">{t(`qa.status.${q().status}`)}</span>
          </Show>
          <Show when={onStage()}>
            {" · "}
            <span class="badge badge-live">{t("qa.onStage")}</span>
          </Show>
        </span>
      </span>
      <Show when={props.moderator}>
        <QaModeration.Actions live={props.live} question={q()} />
      </Show>
    </li>
  );
}
