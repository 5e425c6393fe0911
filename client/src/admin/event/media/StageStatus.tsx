import { createEffect, createSignal, on, onCleanup, Show } from "solid-js";
import type { AdminStageStatus } from "../../../../../core/contract/media";
import { adminApi } from "../../api";
import { errorText } from "../../errors";
import { ta, when } from "../../i18n";

/** How often the status is asked again: IVS counts viewers about every 15 s, so faster shows nothing new. */
export const STATUS_REFRESH_MS = 12_000;

/**
 * A stage's live status, refreshed in place: the sentence that says what changed (live, offline)
 * is a live region, so a screen reader hears when the stage goes live; the viewer count and the
 * time of the check are not, so it does not speak every 12 seconds.
 */
export function StageStatus(props: {
  sessionId: string;
  stage: string /** Changes when the channel did: check at once. */;
  bump: number;
}) {
  const [status, setStatus] = createSignal<AdminStageStatus>();
  const [error, setError] = createSignal<unknown>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  async function check() {
    clearTimeout(timer);
    try {
      setStatus(
        await adminApi<AdminStageStatus>(`/api/admin/media/stages/${encodeURIComponent(props.sessionId)}/status`),
      );
      setError(undefined);
    } catch (err) {
      setError(err);
    }
    if (!stopped) timer = setTimeout(check, STATUS_REFRESH_MS);
  }
  createEffect(
    on(
      () => props.bump,
      () => void check(),
    ),
  );
  onCleanup(() => {
    stopped = true;
    clearTimeout(timer);
  });

  const sentence = (s: AdminStageStatus): string => {
    if (s.source !== "ivs")
      return ta(s.source === "sample" ? "admin.media.status.sample" : "admin.media.status.streamUrl");
    switch (s.state) {
      case "no-channel":
        return ta("admin.media.status.noChannel");
      case "offline":
        return ta("admin.media.status.offline");
      case "live":
        return `${ta("admin.media.status.live", { time: when(s.startedAt) })} ${ta(`admin.media.health.${s.health}`)}`;
      default:
        return s satisfies never;
    }
  };

  return (
    <div class="media-status" aria-label={ta("admin.media.status.label", { stage: props.stage })} role="group">
      <p role="status" class="media-status-line" data-state={statusState(status())}>
        {status() ? sentence(status()!) : ta("admin.media.status.checking")}
      </p>
      <Show when={error()}>
        <p role="alert">{errorText(error())}</p>
      </Show>
      <Show when={liveOf(status())}>
        {(live) => (
          <p class="media-viewers">
            {live().viewerCount === null
              ? ta("admin.media.viewersUnknown")
              : ta("admin.media.viewers", { count: live().viewerCount ?? 0 })}
          </p>
        )}
      </Show>
      <Show when={status()}>
        {(s) => <p class="muted media-checked">{ta("admin.media.checkedAt", { time: when(s().checkedAt) })}</p>}
      </Show>
    </div>
  );
}

const statusState = (s: AdminStageStatus | undefined): string =>
  !s ? "checking" : s.source === "ivs" ? s.state : s.source;

const liveOf = (s: AdminStageStatus | undefined) => (s?.source === "ivs" && s.state === "live" ? s : undefined);
