import { createEffect, createSignal, For, on, onCleanup, Show } from "solid-js";
import { inLanguage, type PollView } from "../../../../core/protocol";
import { language, t } from "../../i18n";
import { ErrorNote } from "../session/ErrorNote";
import type { LiveSession } from "../session/live";
import { useAction } from "../session/useAction";
import { VisibleItems } from "../session/VisibleItems";
import { PollResults, resultsSummary } from "./PollResults";

/** Every poll participants can see now: open ones take votes, closed ones show their results. */
export function PollPanel(props: { live: LiveSession }) {
  return (
    <VisibleItems class="polls" heading={t("session.tab.polls")} empty={t("poll.none")} items={props.live.state.polls}>
      {(poll) => <PollCard poll={inLanguage(poll(), language())} live={props.live} />}
    </VisibleItems>
  );
}

/** Results are announced to screen readers at most every ten seconds, and at once when voting closes. */
function useResultsAnnouncer(poll: () => PollView) {
  const [text, setText] = createSignal("");
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const announce = () => {
    last = Date.now();
    const p = poll();
    if (p.counts) setText(t("poll.announceResults", { question: p.question, summary: resultsSummary(p) }));
  };
  createEffect(
    on(
      () => [poll().counts, poll().status] as const,
      ([, status], prev) => {
        if (!prev) return;
        clearTimeout(timer);
        if (status === "closed" && prev[1] !== "closed") return announce();
        timer = setTimeout(announce, Math.max(0, last + 10_000 - Date.now()));
      },
    ),
  );
  onCleanup(() => clearTimeout(timer));
  return text;
}

function PollCard(props: { poll: PollView; live: LiveSession }) {
  const mine = () => props.live.state.me.polls[props.poll.id];
  const [choice, setChoice] = createSignal<number[]>(mine() ?? []);
  const [editing, setEditing] = createSignal(false);
  const vote = useAction(props.live);
  const announcement = useResultsAnnouncer(() => props.poll);
  const open = () => props.poll.status === "open";
  const showForm = () => open() && (mine() === undefined || editing());
  const name = `poll-${props.poll.id}`;

  const toggle = (i: number, checked: boolean) =>
    setChoice((c) =>
      props.poll.kind === "single" ? [i] : checked ? [...c.filter((x) => x !== i), i] : c.filter((x) => x !== i),
    );

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (choice().length === 0) return;
    const result = await vote.run({ type: "poll/vote", pollId: props.poll.id, choices: choice() });
    if (result.ok) setEditing(false);
  };

  return (
    <article
      class="card poll"
      data-poll-id={props.poll.id}
      data-status={props.poll.status}
      aria-labelledby={`${name}-q`}
    >
      <h3 id={`${name}-q`}>{props.poll.question}</h3>
      <Show
        when={showForm()}
        fallback={
          <>
            <Show when={open() && mine() !== undefined}>
              <p role="status">{t("poll.voted")}</p>
              <button type="button" class="secondary" onClick={() => setEditing(true)}>
                {t("poll.change")}
              </button>
            </Show>
            <Show when={!open()}>
              <p>{t("poll.closed")}</p>
            </Show>
          </>
        }
      >
        <form onSubmit={submit}>
          <fieldset>
            <legend>{props.poll.kind === "single" ? t("poll.single") : t("poll.multi")}</legend>
            <For each={props.poll.options}>
              {(option, i) => (
                <label class="choice">
                  <input
                    type={props.poll.kind === "single" ? "radio" : "checkbox"}
                    name={name}
                    value={i()}
                    checked={choice().includes(i())}
                    onChange={(e) => toggle(i(), e.currentTarget.checked)}
                  />
                  <span>{option}</span>
                </label>
              )}
            </For>
          </fieldset>
          <button type="submit" disabled={vote.busy() || choice().length === 0}>
            {mine() === undefined ? t("poll.vote") : t("poll.change")}
          </button>
          <ErrorNote text={vote.error()} />
        </form>
      </Show>
      <p class="muted small">{t("poll.voters", { count: props.poll.voters })}</p>
      <Show when={props.poll.counts} fallback={<p class="muted small">{t("poll.resultsLater")}</p>}>
        <h4 class="visually-hidden">{t("poll.results")}</h4>
        <PollResults poll={props.poll} mine={mine()} />
      </Show>
      <p class="visually-hidden" aria-live="polite">
        {announcement()}
      </p>
    </article>
  );
}
