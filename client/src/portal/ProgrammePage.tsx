import { A } from "@solidjs/router";
import { createMemo, createSignal, For, Show } from "solid-js";
import { parallelTo } from "../../../core/protocol/programme";
import type { ProgrammeItem } from "../../../core/contract/index";
import { followSession } from "../features/follow/follow";
import { language, t } from "../i18n";
import { formatTimeRange } from "../i18n/time";
import { usePortal } from "./context";

const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

const timeRange = (item: ProgrammeItem, timeZone: string | undefined) =>
  formatTimeRange(item.startsAt, item.endsAt, { timeZone });

/**
 * This person's programme: times in their own time zone and, when it differs, the event's; what
 * is live and what is next; a way into every session that has not ended. Parallel selectable
 * sessions say what they run alongside and which one the person chose, with a way to choose (or
 * change) until they end.
 */
export function ProgrammePage() {
  const portal = usePortal();
  const me = () => portal.me();
  const p = () => portal.programme();
  const planned = createMemo(() => p().sessions.map(followSession));
  const alongside = (s: ProgrammeItem) =>
    parallelTo(planned(), followSession(s)).map((a) => portal.session(a.id)?.title ?? "");
  const [selecting, setSelecting] = createSignal(false);
  const [problem, setProblem] = createSignal("");
  const select = async (sessionId: string) => {
    setSelecting(true);
    setProblem("");
    try {
      await portal.select(sessionId);
    } catch (e) {
      setProblem(t("selection.failed", { reason: e instanceof Error ? e.message : String(e) }));
    } finally {
      setSelecting(false);
    }
  };
  const zonesDiffer = () => localZone() !== p().timezone;
  const live = () => (p().liveSessionId ? portal.session(p().liveSessionId!) : undefined);
  const next = () => (p().nextSessionId ? portal.session(p().nextSessionId!) : undefined);
  return (
    <div data-portal-page="programme">
      <section class="card">
        <h1>{t("portal.greeting", { name: me().registration.name })}</h1>
        <p class="muted">{t(`portal.role.${me().registration.role}`)}</p>
        <Show
          when={live()}
          fallback={
            <Show when={next()}>{(n) => <p class="current">{t("portal.nothingLive", { title: n().title })}</p>}</Show>
          }
        >
          {(l) => (
            <p class="current">
              {t("portal.current", { title: l().title })}{" "}
              <A href={`/portal/session/${encodeURIComponent(l().id)}`}>{t("portal.goThere")}</A>
            </p>
          )}
        </Show>
      </section>
      <section class="card" aria-labelledby="programme-heading">
        <h2 id="programme-heading">{t("portal.programme")}</h2>
        <Show when={zonesDiffer()}>
          <p class="muted">{t("portal.timesNote", { zone: p().timezone })}</p>
        </Show>
        <Show when={p().sessions.length > 0} fallback={<p>{t("portal.noSessions")}</p>}>
          <ol class="programme">
            <For each={p().sessions}>
              {(s) => (
                <li class="programme-item" data-status={s.status} data-session-id={s.id}>
                  <span class="programme-time">
                    <time datetime={s.startsAt}>{timeRange(s, undefined)}</time>
                    <Show when={zonesDiffer()}>
                      <span class="programme-event-time">
                        {t("portal.eventTime", { time: timeRange(s, p().timezone) })}
                      </span>
                    </Show>
                  </span>
                  <span class="programme-title">
                    {s.title}
                    <span class="muted programme-kind">{t(`portal.kind.${s.kind}`)}</span>
                    <Show when={alongside(s).length > 0}>
                      <span class="programme-selection" data-selected={s.selected ? "yes" : "no"}>
                        <span class="muted">
                          {t("portal.selection.parallel", {
                            titles: new Intl.ListFormat(language()).format(alongside(s)),
                          })}
                        </span>
                        <Show
                          when={s.selected}
                          fallback={
                            <Show when={s.status !== "ended"}>
                              <button
                                type="button"
                                class="link"
                                disabled={selecting()}
                                onClick={() => void select(s.id)}
                                aria-label={`${t("portal.selection.choose")}: ${s.title}`}
                              >
                                {t("portal.selection.choose")}
                              </button>
                            </Show>
                          }
                        >
                          <span class="badge badge-selected">{t("portal.selection.yours")}</span>
                        </Show>
                      </span>
                    </Show>
                  </span>
                  <span class={`badge badge-${s.status}`}>
                    {s.id === p().nextSessionId && s.status === "upcoming"
                      ? t("portal.status.next")
                      : t(`portal.status.${s.status}`)}
                  </span>
                  <Show when={s.status !== "ended"}>
                    <A
                      class="button-link"
                      href={`/portal/session/${encodeURIComponent(s.id)}`}
                      aria-label={`${t("portal.open")}: ${s.title}`}
                    >
                      {t("portal.open")}
                    </A>
                  </Show>
                </li>
              )}
            </For>
          </ol>
        </Show>
        <Show when={problem()}>
          <p class="warning" role="alert">
            {problem()}
          </p>
        </Show>
        <p>
          <a href="/api/me/calendar.ics" download="programme.ics">
            {t("portal.calendar")}
          </a>
        </p>
      </section>
    </div>
  );
}
