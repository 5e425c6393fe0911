import { createSignal, onCleanup, onMount, Show } from "solid-js";
import { MATRIX_CALL } from "../../../../core/protocol";
import { t } from "../../i18n";
import type { CallEngine } from "../rtc/engine";
import { joinCall } from "../rtc/join";
import { ErrorNote } from "../session/ErrorNote";
import { LiveConnection } from "../../lib/live-connection";
import type { LiveSession } from "../session/live";
import { useAction } from "../session/useAction";

/**
 * A participant's say in the participants matrix: off by default, switched here, and a clear
 * "on screen" sign while the matrix shows their camera. Switching it off stops the camera at once
 * (the session object takes them out before it answers).
 */
export function MatrixSelf(props: { live: LiveSession; optedIn: boolean; myName: string }) {
  const [optIn, setOptIn] = createSignal(props.optedIn);
  const act = useAction(props.live);
  const shown = () => props.live.state.me.matrix.shown;
  const change = async (value: boolean) => {
    const result = await act.run({ type: "matrix/consent", optIn: value });
    if (result.ok) setOptIn(value);
  };
  return (
    <section class="card stagedoor" aria-labelledby="matrix-self-heading" data-matrix-shown={shown() ? "yes" : "no"}>
      <h3 id="matrix-self-heading">{t("matrix.self.heading")}</h3>
      <label class="check">
        <input
          type="checkbox"
          checked={optIn()}
          disabled={act.busy()}
          onChange={(e) => void change(e.currentTarget.checked)}
          aria-describedby="matrix-self-hint"
        />
        {t("matrix.self.optIn")}
      </label>
      <p id="matrix-self-hint" class="muted small">
        {t("matrix.self.hint")}
      </p>
      <p role="status">
        <Show when={shown()}>
          <span class="on-air">{t("matrix.self.shown")}</span>
        </Show>
      </p>
      <Show when={shown()}>
        <MatrixSender live={props.live} myName={props.myName} />
      </Show>
      <ErrorNote text={act.error()} />
    </section>
  );
}

/**
 * While shown: the camera (no sound) goes to the matrix output page, one stream, through this
 * session. On a connection of its own: a connection holds one place in one call, and in a breakout the
 * page's own connection is in the breakout's call.
 */
function MatrixSender(props: { live: LiveSession; myName: string }) {
  const [problem, setProblem] = createSignal<string>();
  const connection = new LiveConnection({ sessionId: props.live.sessionId, onFrame: () => undefined });
  connection.connect();
  let engine: CallEngine | undefined;
  let gone = false;
  onMount(async () => {
    try {
      const joined = await joinCall({
        sessionId: props.live.sessionId,
        call: MATRIX_CALL,
        connection,
        myName: props.myName,
        mode: "video",
      });
      if (gone) return joined.leave();
      engine = joined;
    } catch (err) {
      console.warn("matrix: could not send the camera", err);
      setProblem(t("matrix.self.failed"));
    }
  });
  onCleanup(() => {
    gone = true;
    const phase = engine?.phase();
    if (phase === "joined" || phase === "joining") engine?.leave();
    connection.close();
  });
  return <ErrorNote text={problem() ?? engine?.problem()} />;
}
