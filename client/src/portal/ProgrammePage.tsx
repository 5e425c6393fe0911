import { A } from "@solidjs/router";
import { For, Show } from "solid-js";
import type { ProgrammeItem } from "../../../worker/contract";
import { t } from "../i18n";
import { formatTimeRange } from "../i18n/time";
import { usePortal } from "./context";

const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

const timeRange = (item: ProgrammeItem, timeZone: string | undefined) => formatTimeRange(item.startsAt, item.endsAt, { timeZone });

/**
 * This person's programme: times in their own time zone and, when it differs, the event's; what
 * is live and what is next; a way into every session that has not ended.
 */
export function ProgrammePage() {
  const portal = usePortal();
  const me = () => portal.me();
  const p = () => portal.programme();
  const zonesDiffer = () => localZone() !== p().timezone;
  const live = () => (p().liveSessionId ? portal.session(p().liveSessionId!) : undefined);
  const next = () => (p().nextSessionId ? portal.session(p().nextSessionId!) : undefined);
  return (
    <div data-portal-page="programme">
      <section class="card">
        <h1>{t("portal.greeting", { name: me().registration.name })}</h1>
        <p class="muted">{t(`portal.role.${me().registration.role}`)}</p>
        <Show when={live()} fallback={<Show when={next()}>{(n) => <p class="current">{t("portal.nothingLive", { title: n().title })}</p>}</Show>}>
          {(l) => (
            <p class="current">
              {t("portal.current", { title: l().title })} <A href={`/portal/session/${encodeURIComponent(l().id)}`}>{t("portal.goThere")}</A>
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
                      <span class="programme-event-time">{t("portal.eventTime", { time: timeRange(s, p().timezone) })}</span>
                    </Show>
                  </span>
                  <span class="programme-title">
                    {s.title}
                    <span class="muted programme-kind">{t(`portal.kind.${s.kind}`)}</span>
                  </span>
                  <span class={`badge badge-${s.status}`}>
                    {s.id === p().nextSessionId && s.status === "upcoming" ? t("portal.status.next") : t(`portal.status.${s.status}`)}
                  </span>
                  <Show when={s.status !== "ended"}>
                    <A class="button-link" href={`/portal/session/${encodeURIComponent(s.id)}`} aria-label={`${t("portal.open")}: ${s.title}`}>
                      {t("portal.open")}
                    </A>
                  </Show>
                </li>
              )}
            </For>
          </ol>
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
