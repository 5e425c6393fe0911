import { createSignal, For, Show } from "solid-js";
import { freshSendTarget } from "../../../../core/protocol";
import { t } from "../../i18n";
import { usePortal } from "../../portal/context";
import type { LiveSession } from "../session/live";

/**
 * Moderators: send everyone in this session to another one ("off to the breakouts"), and take
 * it back. Portals that follow the programme move their people with a countdown.
 */
export function SendEveryone(props: { live: LiveSession; from: string }) {
  const portal = usePortal();
  const targets = () =>
    portal.programme().sessions.filter((s) => s.id !== props.from && s.status !== "ended" && s.kind !== "stream-room");
  const [to, setTo] = createSignal("");
  const [problem, setProblem] = createSignal("");
  // The same freshness as the portals that follow the send: once it is history for them, the
  // moderator gets the control back instead of a notice about a send nobody acts on any more.
  const current = () => freshSendTarget(props.live.state.nav, portal.serverNow());
  const send = async (target: string | null) => {
    setProblem("");
    const result = await props.live.mutate({ type: "nav/send", to: target });
    if (!result.ok) setProblem(result.message);
  };
  return (
    <div class="send-everyone">
      <Show
        when={current()}
        fallback={
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (to()) void send(to());
            }}
          >
            <label>
              {t("nav.sendLabel")}
              <select value={to()} onChange={(e) => setTo(e.currentTarget.value)}>
                <option value="">{t("nav.choose")}</option>
                <For each={targets()}>{(s) => <option value={s.id}>{s.title}</option>}</For>
              </select>
            </label>
            <button type="submit" disabled={!to()}>
              {t("nav.send")}
            </button>
          </form>
        }
      >
        {(target) => (
          <p role="status">
            {t("nav.sent", { title: portal.session(target())?.title ?? target() })}{" "}
            <button type="button" class="secondary" onClick={() => void send(null)}>
              {t("nav.cancel")}
            </button>
          </p>
        )}
      </Show>
      <Show when={problem()}>
        <p class="warning" role="alert">
          {problem()}
        </p>
      </Show>
    </div>
  );
}
