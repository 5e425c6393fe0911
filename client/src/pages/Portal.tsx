import { createEffect, createMemo, createResource, createSignal, For, Match, onCleanup, Show, Switch } from "solid-js";
import type { MeResponse, ProgrammeItem, ProgrammeResponse } from "../../../worker/contract";
import { ConnectionStatus } from "../components/ConnectionStatus";
import { createLiveSession, type LiveSession } from "../features/session/live";
import { SessionView } from "../features/session/SessionView";
import { Shell } from "../components/Shell";
import { adoptRegistrationLanguage, language, t } from "../i18n";
import { api, ApiFailure } from "../lib/api";

interface PortalData {
  me: MeResponse;
  programme: ProgrammeResponse;
}

async function loadPortal(): Promise<PortalData> {
  const [me, programme] = await Promise.all([api<MeResponse>("/api/me"), api<ProgrammeResponse>("/api/me/programme")]);
  adoptRegistrationLanguage(me.registration.language);
  return { me, programme };
}

export function Portal() {
  const [data, { refetch }] = createResource(loadPortal);
  return (
    <Switch>
      <Match when={data.error instanceof ApiFailure && (data.error as ApiFailure).status === 401}>
        <Shell>
          <section class="card narrow">
            <p>{t("portal.signedOut")}</p>
          </section>
        </Shell>
      </Match>
      <Match when={data.error}>
        <Shell>
          <section class="card narrow" role="alert">
            <p>{t("portal.loadFailed", { reason: (data.error as Error).message })}</p>
            <button type="button" onClick={() => refetch()}>
              {t("portal.retry")}
            </button>
          </section>
        </Shell>
      </Match>
      <Match when={data()}>{(d) => <PortalHome data={d()} />}</Match>
      <Match when={data.loading}>
        <Shell>
          <p class="card narrow" role="status">
            {t("portal.loading")}
          </p>
        </Shell>
      </Match>
    </Switch>
  );
}

function PortalHome(props: { data: PortalData }) {
  const programme = () => props.data.programme;
  const current = () => {
    const p = programme();
    const id = p.liveSessionId ?? p.nextSessionId ?? p.sessions[0]?.id;
    return p.sessions.find((s) => s.id === id);
  };
  // The live session (chat, Q&A, polls …) of the current programme item, while it is current.
  const [live, setLive] = createSignal<LiveSession>();
  const currentId = createMemo(() => current()?.id);
  createEffect(() => {
    const sessionId = currentId();
    if (!sessionId) return setLive(undefined);
    const next = createLiveSession(sessionId);
    setLive(next);
    onCleanup(() => next.close());
  });

  const me = () => props.data.me;
  return (
    <Shell title={me().event.title} aside={<Show when={live()}>{(l) => <ConnectionStatus state={l().socket.state()} />}</Show>}>
      <section class="card">
        <h1>{t("portal.greeting", { name: me().registration.name })}</h1>
        <p class="muted">{t(`portal.role.${me().registration.role}`)}</p>
        <Show when={current()}>
          {(s) => (
            <p class="current" data-session-id={s().id} data-connected={live()?.sessionId === s().id && live()?.state.you ? "yes" : "no"}>
              {s().status === "live" ? t("portal.current", { title: s().title }) : t("portal.nothingLive", { title: s().title })}
            </p>
          )}
        </Show>
      </section>
      <Show when={live()}>{(l) => <SessionView live={l()} />}</Show>
      <section class="card" aria-labelledby="programme-heading">
        <h2 id="programme-heading">{t("portal.programme")}</h2>
        <Show when={programme().sessions.length > 0} fallback={<p>{t("portal.noSessions")}</p>}>
          <ol class="programme">
            <For each={programme().sessions}>{(s) => <ProgrammeRow session={s} timezone={programme().timezone} />}</For>
          </ol>
        </Show>
      </section>
    </Shell>
  );
}

function ProgrammeRow(props: { session: ProgrammeItem; timezone: string }) {
  const time = (iso: string) =>
    new Intl.DateTimeFormat(language(), { hour: "2-digit", minute: "2-digit" }).format(new Date(iso));
  return (
    <li class="programme-item" data-status={props.session.status}>
      <span class="programme-time">
        <time datetime={props.session.startsAt}>{time(props.session.startsAt)}</time>–
        <time datetime={props.session.endsAt}>{time(props.session.endsAt)}</time>
      </span>
      <span class="programme-title">{props.session.title}</span>
      <span class={`badge badge-${props.session.status}`}>{t(`portal.status.${props.session.status}`)}</span>
    </li>
  );
}
