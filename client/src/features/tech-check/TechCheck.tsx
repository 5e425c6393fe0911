import { createSignal, For, onCleanup, onMount, Show } from "solid-js";
import { t, type MessageKey } from "../../i18n";
import { api } from "../../lib/api";
import { barFill, HEARD_FILL, heard, nextLevel } from "./level";
import { detectSupport, measureNetwork, playTestSound, watchLevel } from "./probes";
import {
  browserVerdict,
  deviceErrorVerdict,
  microphoneVerdict,
  networkVerdict,
  overall,
  type CheckId,
  type CheckResult,
  type Verdict,
} from "./verdicts";

export interface TechCheckOutcome {
  overall: Verdict | "skipped";
  checks: { id: CheckId; verdict: Verdict }[];
}

const ORDER: CheckId[] = ["browser", "camera", "microphone", "speakers", "network"];

/**
 * Before the portal: camera preview, microphone level, speaker test, browser support and network,
 * each with pass/warn/fail and a fix in plain language. The result is saved for the person (so
 * moderators see it next to a raised hand); it can be re-run, or skipped with a warning.
 */
export function TechCheck(props: { onDone: (outcome: TechCheckOutcome) => void }) {
  const [results, setResults] = createSignal<Partial<Record<CheckId, CheckResult>>>({});
  const [level, setLevel] = createSignal(0);
  const [speakerAsked, setSpeakerAsked] = createSignal(false);
  const [confirmSkip, setConfirmSkip] = createSignal(false);
  const [saving, setSaving] = createSignal(false);
  let preview: HTMLVideoElement | undefined;
  let stream: MediaStream | undefined;
  let stopMeter: (() => void) | undefined;
  let micTimer: ReturnType<typeof setTimeout> | undefined;
  const abort = new AbortController();

  const record = (r: CheckResult) => setResults((prev) => ({ ...prev, [r.id]: r }));

  const stopDevices = () => {
    clearTimeout(micTimer);
    stopMeter?.();
    stopMeter = undefined;
    setLevel(0);
    for (const track of stream?.getTracks() ?? []) track.stop();
    stream = undefined;
  };

  async function openDevices(): Promise<void> {
    const tryGet = async (constraints: MediaStreamConstraints) => {
      try {
        return { stream: await navigator.mediaDevices.getUserMedia(constraints) };
      } catch (err) {
        return { error: err instanceof DOMException ? err.name : "Error" };
      }
    };
    if (!navigator.mediaDevices?.getUserMedia) {
      record(deviceErrorVerdict("camera", "NotSupportedError"));
      record(deviceErrorVerdict("microphone", "NotSupportedError"));
      return;
    }
    const both = await tryGet({ video: true, audio: { echoCancellation: true, noiseSuppression: true } });
    let video: MediaStreamTrack | undefined;
    let audio: MediaStreamTrack | undefined;
    if (both.stream) {
      video = both.stream.getVideoTracks()[0];
      audio = both.stream.getAudioTracks()[0];
    } else {
      // One missing device should not fail the other: ask for each on its own.
      const cam = await tryGet({ video: true });
      const mic = await tryGet({ audio: true });
      video = cam.stream?.getVideoTracks()[0];
      audio = mic.stream?.getAudioTracks()[0];
      if (!video) record(deviceErrorVerdict("camera", cam.error ?? both.error ?? "Error"));
      if (!audio) record(deviceErrorVerdict("microphone", mic.error ?? both.error ?? "Error"));
    }
    stream = new MediaStream([video, audio].filter((x): x is MediaStreamTrack => !!x));
    if (video) {
      if (preview) preview.srcObject = new MediaStream([video]);
      record({ id: "camera", verdict: "pass", messageKey: "techCheck.camera.ok" });
    }
    if (audio) {
      // One measurement for the bar and the verdict: the verdict is passed on the very level the
      // bar shows, and the bar keeps following the microphone for as long as the check is open.
      let last: number | undefined;
      stopMeter = watchLevel(new MediaStream([audio]), (rms, at) => {
        const shown = nextLevel(level(), rms, at - (last ?? at));
        last = at;
        setLevel(shown);
        if (heard(shown) && results().microphone?.verdict !== "pass") record(microphoneVerdict(shown));
      });
      // Silence for a few seconds means a muted or dead microphone.
      micTimer = setTimeout(() => {
        if (!results().microphone) record(microphoneVerdict(level()));
      }, 4000);
    }
  }

  async function runNetwork(): Promise<void> {
    try {
      record(networkVerdict(await measureNetwork(abort.signal)));
    } catch {
      if (!abort.signal.aborted) record({ id: "network", verdict: "fail", messageKey: "techCheck.network.failed" });
    }
  }

  function run(): void {
    stopDevices();
    setResults({});
    setSpeakerAsked(false);
    record(browserVerdict(detectSupport()));
    void openDevices();
    void runNetwork();
  }

  onMount(run);
  onCleanup(() => {
    abort.abort();
    stopDevices();
  });

  const done = () => ORDER.every((id) => results()[id]);
  const summary = () => overall(Object.values(results()) as CheckResult[]);

  async function finish(outcome: TechCheckOutcome): Promise<void> {
    setSaving(true);
    stopDevices();
    try {
      await api("/api/me/tech-check", { method: "POST", body: JSON.stringify(outcome) });
    } catch {
      // Saving is a courtesy for moderators; never block the person on it.
    }
    props.onDone(outcome);
  }

  return (
    <section class="card tech-check" aria-labelledby="tech-check-heading">
      <h1 id="tech-check-heading">{t("techCheck.title")}</h1>
      <p>{t("techCheck.intro")}</p>
      <div class="tech-check-grid">
        <div class="tech-check-media">
          <video
            ref={preview}
            class="tech-check-preview"
            autoplay
            muted
            playsinline
            aria-label={t("techCheck.camera.preview")}
          />
          <label class="tech-check-meter">
            {t("techCheck.microphone.level")}
            <meter min="0" max="1" low={HEARD_FILL} high="0.95" optimum="0.7" value={barFill(level())} />
          </label>
        </div>
        <ol class="tech-check-list">
          <For each={ORDER}>
            {(id) => (
              <li class="tech-check-item" data-check={id} data-verdict={results()[id]?.verdict ?? "running"}>
                <span class={`verdict verdict-${results()[id]?.verdict ?? "running"}`}>
                  {t(`techCheck.verdict.${results()[id]?.verdict ?? "running"}`)}
                </span>
                <span class="tech-check-name">{t(`techCheck.${id}.name`)}</span>
                <Show when={results()[id]}>
                  {(r) => <span class="tech-check-message">{t(r().messageKey as MessageKey, r().params)}</span>}
                </Show>
                <Show when={id === "speakers" && !results().speakers}>
                  <span class="tech-check-actions">
                    <button type="button" onClick={() => void playTestSound().then(() => setSpeakerAsked(true))}>
                      {t("techCheck.speakers.play")}
                    </button>
                    <Show when={speakerAsked()}>
                      <button
                        type="button"
                        onClick={() => record({ id: "speakers", verdict: "pass", messageKey: "techCheck.speakers.ok" })}
                      >
                        {t("techCheck.speakers.heard")}
                      </button>
                      <button
                        type="button"
                        class="secondary"
                        onClick={() =>
                          record({ id: "speakers", verdict: "warn", messageKey: "techCheck.speakers.notHeard" })
                        }
                      >
                        {t("techCheck.speakers.notHeard")}
                      </button>
                    </Show>
                  </span>
                </Show>
              </li>
            )}
          </For>
        </ol>
      </div>
      <div role="status" aria-live="polite" class="tech-check-summary">
        <Show when={done()} fallback={t("techCheck.running")}>
          {t(`techCheck.summary.${summary()}`)}
        </Show>
      </div>
      <div class="tech-check-footer">
        <button
          type="button"
          disabled={!done() || saving()}
          onClick={() => void finish({ overall: summary(), checks: checksOf(results()) })}
        >
          {t("techCheck.continue")}
        </button>
        <button type="button" class="secondary" onClick={run}>
          {t("techCheck.again")}
        </button>
        <Show
          when={confirmSkip()}
          fallback={
            <button type="button" class="secondary" onClick={() => setConfirmSkip(true)}>
              {t("techCheck.skip")}
            </button>
          }
        >
          <p class="warning" role="alert">
            {t("techCheck.skipWarning")}
          </p>
          <button
            type="button"
            class="secondary"
            onClick={() => void finish({ overall: "skipped", checks: checksOf(results()) })}
          >
            {t("techCheck.skipConfirm")}
          </button>
        </Show>
      </div>
    </section>
  );
}

function checksOf(results: Partial<Record<CheckId, CheckResult>>): TechCheckOutcome["checks"] {
  return ORDER.flatMap((id) => (results[id] ? [{ id, verdict: results[id].verdict }] : []));
}
