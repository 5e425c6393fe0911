import { createSignal, Match, onCleanup, Switch } from "solid-js";
import { t } from "../i18n";
import type { ConnectionState } from "../lib/live-connection";

/** Always present for assistive tech; visually prominent only when the connection is degraded. */
export function ConnectionStatus(props: { state: ConnectionState }) {
  const [now, setNow] = createSignal(Date.now());
  const timer = setInterval(() => setNow(Date.now()), 1000);
  onCleanup(() => clearInterval(timer));
  const seconds = () => {
    const s = props.state;
    return s.kind === "reconnecting" ? Math.max(0, Math.ceil((s.at - now()) / 1000)) : 0;
  };
  return (
    <div class="connection" data-state={props.state.kind} role="status" aria-live="polite">
      <Switch>
        <Match when={props.state.kind === "connecting"}>{t("connection.connecting")}</Match>
        <Match when={props.state.kind === "open"}>{t("connection.open")}</Match>
        <Match when={props.state.kind === "reconnecting"}>
          {seconds() > 0 ? t("connection.reconnecting", { seconds: seconds() }) : t("connection.reconnectingNow")}
        </Match>
        <Match when={props.state.kind === "offline"}>{t("connection.offline")}</Match>
        <Match when={props.state.kind === "outdated"}>
          {t("connection.outdated")}{" "}
          <button type="button" onClick={() => location.reload()}>
            {t("connection.reload")}
          </button>
        </Match>
        <Match when={props.state.kind === "closed"}>{t("connection.closed")}</Match>
      </Switch>
    </div>
  );
}
