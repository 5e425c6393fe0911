import { createSignal, Show } from "solid-js";
import { createStore, reconcile } from "solid-js/store";
import type { LiveResponse } from "../../../../core/contract/live";
import { language } from "../../i18n";
import { localeFor } from "../../i18n/time";
import { adminApi } from "../api";
import { errorText } from "../errors";
import { ta } from "../i18n";
import { FollowForm } from "./live/FollowForm";
import { LiveSessions, LiveSummary } from "./live/LiveFigures";
import { refreshEvery } from "./live/refresh";
import type { EventTabProps } from "./tab-props";
import "./live/live.css";

/**
 * The control room: who is online where, hands waiting, stages' video, invitations and tech
 * checks, refreshed every few seconds, and "send everyone to …". Each answer is merged into the
 * same store (by session id), so a refresh changes texts in place: no rows rebuilt, no focus lost.
 */
export default function LiveTab(props: EventTabProps) {
  const [state, setState] = createStore<{ live?: LiveResponse }>({});
  const [loadError, setLoadError] = createSignal<unknown>();
  const path = () => `/api/admin/events/${encodeURIComponent(props.event.id)}/live`;
  const refresh = refreshEvery(async () => {
    try {
      const live = await adminApi<LiveResponse>(path());
      setState("live", reconcile(live, { key: "id", merge: true }));
      setLoadError(undefined);
    } catch (err) {
      setLoadError(() => err);
      throw err;
    }
  });
  const canSend = () => props.workspace.scopes.includes("events:write");
  const updatedAt = () => {
    const at = state.live?.at;
    return at
      ? new Intl.DateTimeFormat(localeFor(language()), { timeStyle: "medium" }).format(new Date(at))
      : undefined;
  };

  return (
    <section class="live" aria-labelledby="live-heading">
      <div class="live-head">
        <h2 id="live-heading">{ta("admin.live.heading")}</h2>
        <Show when={updatedAt()}>
          {(time) => <p class="live-updated">{ta("admin.live.updated", { time: time() })}</p>}
        </Show>
      </div>
      <p class="muted">{ta("admin.live.intro")}</p>
      <div role="alert">
        <Show when={state.live && refresh.stale()}>
          <p class="live-stale">
            {ta("admin.live.stale")}
            <Show when={loadError()}>{(err) => ` ${errorText(err())}`}</Show>
          </p>
        </Show>
      </div>
      <Show
        when={state.live}
        fallback={
          <Show when={loadError()} fallback={<p role="status">{ta("admin.live.loading")}</p>}>
            <p role="alert">{errorText(loadError())}</p>
          </Show>
        }
      >
        {(live) => (
          <>
            <LiveSummary live={live()} />
            <p class="muted">{ta("admin.live.unknownHelp")}</p>
            <LiveSessions sessions={live().sessions} timeZone={props.event.timezone} />
            <Show when={canSend()} fallback={<p class="muted">{ta("admin.live.follow.noRights")}</p>}>
              <FollowForm eventId={props.event.id} sessions={live().sessions} onSent={() => refresh.now()} />
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
