import { createSignal, For, Show } from "solid-js";
import { t } from "../../i18n";
import { usePortal } from "../../portal/context";

/**
 * Parallel sessions have started and the person selected none of them: which one? Plain buttons,
 * so a keyboard and a screen reader work as with anything else; the question is announced once
 * (a status) and focus stays where it is, so nobody typing in the stage's chat is pulled out of
 * it. The choice is saved on the server before the person is taken there, so every device (and
 * the programme) agrees; "Not now" (or Escape) leaves them where they are.
 */
export function SelectionPrompt(props: { options: string[]; onSelected(sessionId: string): void; onLater(): void }) {
  const portal = usePortal();
  const [busy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal("");
  const select = async (sessionId: string) => {
    setBusy(true);
    setProblem("");
    try {
      await portal.select(sessionId);
      props.onSelected(sessionId);
    } catch (e) {
      setProblem(t("selection.failed", { reason: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section
      class="follow-banner follow-select"
      aria-labelledby="follow-select-question"
      data-follow-select={props.options.join(" ")}
    >
      <p id="follow-select-question" role="status">
        {t("follow.select")}
      </p>
      <ul class="follow-options">
        <For each={props.options}>
          {(id) => {
            const session = () => portal.session(id);
            return (
              <li>
                <button type="button" disabled={busy()} onClick={() => void select(id)}>
                  {t("follow.selectJoin", { title: session()?.title ?? "" })}
                </button>
                <Show when={session()?.description}>
                  {(description) => <span class="follow-option-note">{description()}</span>}
                </Show>
              </li>
            );
          }}
        </For>
      </ul>
      <p class="follow-note">{t("follow.selectRemembered")}</p>
      <div class="follow-actions">
        <button type="button" class="secondary" onClick={() => props.onLater()} aria-keyshortcuts="Escape">
          {t("follow.selectLater")}
        </button>
      </div>
      <Show when={problem()}>
        <p class="follow-problem" role="alert">
          {problem()}
        </p>
      </Show>
    </section>
  );
}
