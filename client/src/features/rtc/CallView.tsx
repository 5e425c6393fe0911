import { createMemo, createSignal, For, Match, onCleanup, onMount, Show, Switch } from "solid-js";
import { t } from "../../i18n";
import { ApiFailure } from "../../lib/api";
import type { LiveConnection } from "../../lib/live-connection";
import { CallControls, ExitButton } from "./CallControls";
import type { CallEngine, CallExit } from "./engine";
import { joinCall } from "./join";
import { VideoTile } from "./VideoTile";

export interface CallViewProps {
  sessionId: string;
  /** A pair's call within the session (carousel round, 1:1); the session's own call when absent. */
  call?: string;
  connection: LiveConnection;
  myName: string;
  title?: string;
  /** Join at once instead of waiting for the button: the person already chose to talk (the stream
   * room right after approval, a carousel pair, an accepted 1:1). */
  autoJoin?: boolean;
  /** Noise suppression with Amazon Voice Focus where available (the stream room: its sound goes on air). */
  voiceFocus?: boolean;
  /** The one way out, in place of "Leave", when the call belongs to something bigger (a 1:1, the studio). */
  exit?: CallExit;
}

/**
 * A video call: the same component for breakouts, 1:1 chats, carousel pairs and the stream room,
 * on the local mesh or Amazon Chime alike. Tiles sit in a responsive grid; a screen share takes
 * the big spot with cameras in a strip beside it; the active speaker is highlighted.
 */
export function CallView(props: CallViewProps) {
  const [engine, setEngine] = createSignal<CallEngine>();
  const [starting, setStarting] = createSignal(false);
  const [failure, setFailure] = createSignal<string>();

  let disposed = false;
  const start = async () => {
    setStarting(true);
    setFailure(undefined);
    try {
      const joined = await joinCall({
        sessionId: props.sessionId,
        call: props.call,
        connection: props.connection,
        myName: props.myName,
        voiceFocus: props.voiceFocus ?? false,
      });
      // The view went away while joining (a carousel round ended): leave again at once.
      if (disposed) return joined.leave();
      setEngine(joined);
    } catch (err) {
      console.warn("call: could not join", err);
      setFailure(joinProblem(err));
    } finally {
      setStarting(false);
    }
  };
  onMount(() => {
    if (props.autoJoin) void start();
  });
  onCleanup(() => {
    disposed = true;
    const e = engine();
    if (e && (e.phase() === "joined" || e.phase() === "joining")) e.leave();
  });

  const inCall = () => {
    const phase = engine()?.phase();
    return phase === "joined" || phase === "joining";
  };

  return (
    <section class="call" aria-label={props.title ?? t("call.title")} data-phase={engine()?.phase() ?? "idle"}>
      <Show when={engine()?.problem() ?? failure()}>
        {(message) => (
          <p class="call-problem" role="alert">
            {message()}
          </p>
        )}
      </Show>
      <Switch>
        <Match when={inCall() && engine()}>
          {(e) => <InCall engine={e()} onLeave={() => e().leave()} exit={props.exit} />}
        </Match>
        <Match when={true}>
          <div class="call-lobby">
            <p>{engine()?.phase() === "ended" ? t("call.endedBody") : t("call.lobby")}</p>
            <button type="button" class="primary" disabled={starting()} onClick={() => void start()}>
              {starting() ? t("call.joining") : engine() ? t("call.rejoin") : t("call.join")}
            </button>
            {/* Out of the call (it failed, or dropped), the way out is still here. */}
            <Show when={props.exit}>{(exit) => <ExitButton exit={exit()} />}</Show>
          </div>
        </Match>
      </Switch>
    </section>
  );
}

function InCall(props: { engine: CallEngine; onLeave: () => void; exit: CallExit | undefined }) {
  const keys = createMemo(() => props.engine.tiles().map((tile) => tile.key));
  const tile = (key: string) => props.engine.tiles().find((x) => x.key === key);
  const screenKey = createMemo(() => props.engine.tiles().find((x) => x.kind === "screen")?.key);
  const others = createMemo(() => keys().filter((k) => k !== screenKey()));
  return (
    <>
      <p class="visually-hidden" role="status">
        {props.engine.phase() === "joined"
          ? t("call.joinedCount", { count: props.engine.tiles().filter((x) => x.kind === "camera").length })
          : t("call.joining")}
      </p>
      <div class="call-stage" data-layout={screenKey() ? "presentation" : "grid"}>
        <Show when={screenKey()}>
          {(key) => (
            <Show when={tile(key())}>
              {(x) => (
                <div class="call-main">
                  <VideoTile tile={x()} speaking={false} />
                </div>
              )}
            </Show>
          )}
        </Show>
        <div class="call-grid">
          <For each={others()}>
            {(key) => (
              <Show when={tile(key)}>
                {(x) => <VideoTile tile={x()} speaking={props.engine.activeSpeaker() === key} />}
              </Show>
            )}
          </For>
        </div>
      </div>
      <CallControls engine={props.engine} onLeave={props.onLeave} exit={props.exit} />
    </>
  );
}

function joinProblem(err: unknown): string {
  if (err instanceof ApiFailure) {
    if (err.fields.call === "full") return t("call.full");
    if (err.fields.call === "removed") return t("call.removed");
    if (err.status === 403) return t("call.notAllowed");
    return err.message;
  }
  return t("call.lost");
}
