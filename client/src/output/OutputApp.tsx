import { createEffect, Match, Switch } from "solid-js";
import { useLiveSession } from "../features/session/live";
import { language, t } from "../i18n";
import { pageMeta } from "../lib/api";
import { outputKinds, outputs, type OutputKind } from "./outputs";
import { parseOutputPath } from "./route";

/**
 * A producer output: one kind of live result, full screen at 1920×1080, no controls, updating
 * as the session changes. Captured as a browser source, so nothing on it may move the layout
 * around or ask for input.
 */
export function OutputApp() {
  const status = pageMeta("output-status");
  const route = parseOutputPath(location.pathname, outputKinds);
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
        <Match when={status === "not-found"}>
          <p class="output-message">{t("output.notFound")}</p>
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
  const View = outputs.find((output) => output.kind === props.kind)!.View;
  return (
    <div class="output-stage" data-ready={live.state.ready ? "yes" : "no"}>
      <View live={live} />
    </div>
  );
}
