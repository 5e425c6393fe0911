import { createEffect, createResource, createSignal, For, onCleanup, onMount, Show, untrack } from "solid-js";
import type { StagePlaybackResponse } from "../../../../core/contract/media";
import type { StageStatusValue } from "../../../../core/protocol";
import { t } from "../../i18n";
import { api } from "../../lib/api";
import type { LiveConnection } from "../../lib/live-connection";
import { loadIvs, type IvsModule, type IvsPlayer } from "./ivs";
import { isPassing, playerProblem, type PlayerProblem } from "./problems";
import { inStudio } from "./studio";

export interface StagePlayerProps {
  sessionId: string;
  connection: LiveConnection;
  /** Moderators see the live latency. */
  showLatency?: boolean;
  title?: string;
}

/** How often a player stopped by a passing problem tries again while the stage is live. */
export const PLAYER_RETRY_MS = 15_000;

interface QualityOption {
  name: string;
  height: number;
}

/**
 * The stage: one player for both providers (an IVS channel, or the bundled / configured HLS
 * stream). It starts muted, so browsers let it autoplay, with a clear button to turn the sound on.
 */
export function StagePlayer(props: StagePlayerProps) {
  let video!: HTMLVideoElement;
  let ivs: IvsModule | undefined;
  let player: IvsPlayer | undefined;
  let latencyTimer: ReturnType<typeof setInterval> | undefined;
  let disposed = false;
  const [source, { refetch }] = createResource(
    () => props.sessionId,
    (id) => api<StagePlaybackResponse>(`/api/sessions/${encodeURIComponent(id)}/stage`),
  );
  const [status, setStatus] = createSignal<StageStatusValue>("unknown");
  const [state, setState] = createSignal("loading");
  const [muted, setMuted] = createSignal(true);
  const [blocked, setBlocked] = createSignal(false);
  const [qualities, setQualities] = createSignal<QualityOption[]>([]);
  const [choice, setChoice] = createSignal("auto");
  const [current, setCurrent] = createSignal<string>();
  const [latency, setLatency] = createSignal<number>();
  const [problem, setProblem] = createSignal<PlayerProblem>();
  const [playerReady, setPlayerReady] = createSignal(false);

  const unlisten = props.connection.listen((frame) => {
    if (frame.type === "welcome" && frame.sessionId === props.sessionId)
      props.connection.send({ type: "stage/subscribe" });
    if (frame.type !== "stage/status") return;
    setStatus(frame.status);
    // The broadcast (re)started, or the live connection came back after a drop (its welcome
    // subscribes again and the object answers with the status): the player gave up on its own
    // retries by then, so load again.
    if (frame.status === "live") retry();
  });
  props.connection.send({ type: "stage/subscribe" });

  /** Load again after a problem that may pass (a dropped network, a stage that was off air). */
  const retry = () => {
    const p = problem();
    if (p && isPassing(p)) load();
  };
  // The browser says the network is back: the player does not notice that by itself.
  window.addEventListener("online", retry);
  // Nothing else may happen (the connection can stay up while segments time out): try now and then.
  const retryTimer = setInterval(() => {
    if (status() === "live") retry();
  }, PLAYER_RETRY_MS);

  const load = () => {
    const src = source();
    if (!player || !src) return;
    setProblem(undefined);
    player.load(new URL(src.playbackUrl, location.href).href);
  };

  onMount(async () => {
    const loaded = await loadIvs().catch(() => undefined);
    if (disposed) return loaded?.player.delete();
    if (!loaded) return setProblem("unsupported");
    ({ ivs, player } = loaded);
    const p = player;
    const events = ivs.PlayerEventType;
    p.attachHTMLVideoElement(video);
    p.setAutoplay(true);
    p.setMuted(true);
    for (const s of Object.values(ivs.PlayerState)) p.addEventListener(s, () => setState(s.toLowerCase()));
    p.addEventListener(ivs.PlayerState.READY, () => {
      setQualities(
        p
          .getQualities()
          .map((q) => ({ name: q.name, height: q.height }))
          .sort((a, b) => b.height - a.height),
      );
    });
    p.addEventListener(ivs.PlayerState.PLAYING, () => {
      setBlocked(false);
      setProblem(undefined);
    });
    p.addEventListener(events.QUALITY_CHANGED, (q) => setCurrent(q.name));
    p.addEventListener(events.MUTED_CHANGED, () => setMuted(p.isMuted()));
    p.addEventListener(events.PLAYBACK_BLOCKED, () => setBlocked(true));
    p.addEventListener(events.AUDIO_BLOCKED, () => {
      p.setMuted(true);
      setMuted(true);
    });
    p.addEventListener(events.ERROR, (err) => setProblem(playerProblem(err)));
    latencyTimer = setInterval(() => {
      const value = p.getLiveLatency();
      setLatency(Number.isFinite(value) && value > 0 ? value : undefined);
    }, 2000);
    setPlayerReady(true);
  });

  // In the studio the stage stays silent (see studio.ts); the person may turn it on again after.
  createEffect(() => {
    if (inStudio() && playerReady()) player?.setMuted(true);
  });

  // Play once both the player and the playback URL are there, whichever comes last.
  createEffect(() => {
    if (source() && playerReady()) untrack(load);
  });

  // Registered here, not after the await in onMount: cleanups registered there would be lost.
  onCleanup(() => {
    disposed = true;
    unlisten();
    window.removeEventListener("online", retry);
    clearInterval(retryTimer);
    clearInterval(latencyTimer);
    player?.delete();
    player = undefined;
  });

  const chooseQuality = (name: string) => {
    setChoice(name);
    if (!player) return;
    if (name === "auto") return player.setAutoQualityMode(true);
    const quality = player.getQualities().find((q) => q.name === name);
    if (quality) player.setQuality(quality, false);
  };

  const unmute = () => {
    player?.setMuted(false);
    if (blocked()) void player?.play();
  };

  return (
    <section
      class="stage"
      aria-label={props.title ?? t("stage.title")}
      data-state={state()}
      data-status={status()}
      data-quality={current() ?? ""}
    >
      <div class="stage-video">
        <video ref={video} playsinline muted aria-label={t("stage.video")} />
        <Show when={status() === "offline" || problem()}>
          <div class="stage-overlay" role="status">
            {problem() ? t(`stage.problem.${problem()!}`) : t("stage.offline")}
          </div>
        </Show>
        <Show when={source.error}>
          <div class="stage-overlay" role="alert">
            {t("stage.problem.load", { reason: (source.error as Error).message })}{" "}
            <button type="button" onClick={() => void refetch()}>
              {t("portal.retry")}
            </button>
          </div>
        </Show>
      </div>
      <div class="stage-controls">
        <span class={`badge badge-${status() === "live" ? "live" : "upcoming"}`}>{t(`stage.status.${status()}`)}</span>
        <Show when={inStudio()}>
          <span class="stage-studio-muted" role="status">
            {t("stage.mutedInStudio")}
          </span>
        </Show>
        <Show when={(muted() || blocked()) && !inStudio()}>
          <button type="button" class="primary" onClick={unmute}>
            {blocked() ? t("stage.play") : t("stage.unmute")}
          </button>
        </Show>
        <Show when={!muted() && !blocked() && !inStudio()}>
          <button type="button" onClick={() => player?.setMuted(true)}>
            {t("stage.mute")}
          </button>
        </Show>
        <label class="stage-quality">
          {t("stage.quality")}
          <select
            value={choice()}
            onChange={(e) => chooseQuality(e.currentTarget.value)}
            disabled={qualities().length === 0}
          >
            <option value="auto">
              {current() && choice() === "auto"
                ? t("stage.quality.autoNow", { quality: current()! })
                : t("stage.quality.auto")}
            </option>
            <For each={qualities()}>{(q) => <option value={q.name}>{q.name}</option>}</For>
          </select>
        </label>
        <Show when={props.showLatency}>
          <span class="stage-latency" data-latency={latency() ?? ""}>
            {latency() === undefined
              ? t("stage.latency.unknown")
              : t("stage.latency", { seconds: latency()!.toFixed(1) })}
          </span>
        </Show>
      </div>
    </section>
  );
}
