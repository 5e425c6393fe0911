import { createEffect, createMemo, createResource, createSignal, For, lazy, Match, onCleanup, Show, Switch, untrack } from "solid-js";
import type { MeResponse, ProgrammeItem, ProgrammeResponse } from "../../../worker/contract";
import { useLocation, useNavigate } from "@solidjs/router";
import { ConnectionStatus } from "../components/ConnectionStatus";
import { createHub } from "../features/hub/hub";
import { InviteToasts } from "../features/invite/InviteToasts";
import { createLiveSession, type LiveSession } from "../features/session/live";
import { SessionView } from "../features/session/SessionView";
import { TechCheck } from "../features/tech-check/TechCheck";
import { Shell } from "../components/Shell";
import { adoptRegistrationLanguage, language, t } from "../i18n";
import { api, ApiFailure } from "../lib/api";

// Stage player and call view load on demand: the portal's first paint stays small.
const SessionMedia = lazy(() => import("../features/media/SessionMedia"));
// Networking views load when someone opens the directory or is in a 1:1.
const DirectoryPage = lazy(() => import("../features/directory/DirectoryPage"));
const OneToOne = lazy(() => import("../features/invite/OneToOne"));

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
  const location = useLocation();
  const navigate = useNavigate();
  /** First visit (no result saved yet), or the person asked to run it again. */
  const wantsTechCheck = (d: PortalData) => location.pathname === "/portal/tech-check" || d.me.techCheck === null;
  const afterTechCheck = (reload: () => unknown) => {
    navigate("/portal", { replace: true });
    reload();
  };
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
      <Match when={data()}>
        {(d) => (
          <Show when={!wantsTechCheck(d())} fallback={<Shell title={d().me.event.title}><TechCheck onDone={() => afterTechCheck(refetch)} /></Shell>}>
            <PortalHome data={d()} />
          </Show>
        )}
      </Match>
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
  // The session on screen: the live one, unless the person opened another from the programme.
  const [openedId, setOpenedId] = createSignal<string>();
  const shown = () => programme().sessions.find((s) => s.id === openedId()) ?? current();
  // One live connection for what is shown: its interactions (chat, Q&A, polls …) and its media.
  const [live, setLive] = createSignal<{ session: ProgrammeItem; live: LiveSession }>();
  const shownId = createMemo(() => shown()?.id);
  createEffect(() => {
    const sessionId = shownId();
    if (!sessionId) return setLive(undefined);
    const next = createLiveSession(sessionId);
    setLive({ session: untrack(shown)!, live: next });
    onCleanup(() => next.close());
  });

  const me = () => props.data.me;
  // One hub socket for the whole portal: 1:1 invitations reach the person on any page.
  const hub = createHub();
  onCleanup(() => hub.close());
  const [peopleOpen, setPeopleOpen] = createSignal(false);
  return (
    <Shell title={me().event.title} aside={<Show when={live()}>{(l) => <ConnectionStatus state={l().live.socket.state()} />}</Show>}>
      <InviteToasts hub={hub} />
      <section class="card">
        <h1>{t("portal.greeting", { name: me().registration.name })}</h1>
        <p class="muted">
          {t(`portal.role.${me().registration.role}`)} · <a href="/portal/tech-check">{t("portal.techCheckAgain")}</a>
        </p>
        <button type="button" class="secondary" aria-expanded={peopleOpen()} aria-controls="people" onClick={() => setPeopleOpen(!peopleOpen())}>
          {peopleOpen() ? t("directory.close") : t("directory.open")}
        </button>
        <Show when={shown()}>
          {(s) => (
            <p class="current" data-session-id={s().id} data-connected={live()?.live.sessionId === s().id && live()?.live.state.you ? "yes" : "no"}>
              {s().status === "live" ? t("portal.current", { title: s().title }) : t("portal.nothingLive", { title: s().title })}
            </p>
          )}
        </Show>
      </section>
      <Show when={hub.you()?.chat}>
        <OneToOne hub={hub} myName={me().registration.name} />
      </Show>
      <div id="people">
        <Show when={peopleOpen()}>
          <DirectoryPage hub={hub} />
        </Show>
      </div>
      <Show when={live()} keyed>
        {(l) => (
          <section class="card media" aria-label={l.session.title} data-session-kind={l.session.kind}>
            <h2>{l.session.title}</h2>
            <SessionMedia session={l.session} socket={l.live.socket} me={me()} />
          </section>
        )}
      </Show>
      <Show when={live()}>{(l) => <SessionView live={l().live} />}</Show>
      <section class="card" aria-labelledby="programme-heading">
        <h2 id="programme-heading">{t("portal.programme")}</h2>
        <Show when={programme().sessions.length > 0} fallback={<p>{t("portal.noSessions")}</p>}>
          <ol class="programme">
            <For each={programme().sessions}>
              {(s) => <ProgrammeRow session={s} timezone={programme().timezone} shown={shown()?.id === s.id} onOpen={() => setOpenedId(s.id)} />}
            </For>
          </ol>
        </Show>
        <p>
          <a href="/api/me/calendar.ics" download="programme.ics">
            {t("portal.calendar")}
          </a>
        </p>
      </section>
    </Shell>
  );
}

function ProgrammeRow(props: { session: ProgrammeItem; timezone: string; shown: boolean; onOpen: () => void }) {
  const time = (iso: string) =>
    new Intl.DateTimeFormat(language(), { hour: "2-digit", minute: "2-digit", timeZone: props.timezone }).format(new Date(iso));
  return (
    <li class="programme-item" data-status={props.session.status}>
      <span class="programme-time">
        <time datetime={props.session.startsAt}>{time(props.session.startsAt)}</time>–
        <time datetime={props.session.endsAt}>{time(props.session.endsAt)}</time>
      </span>
      <span class="programme-title">{props.session.title}</span>
      <span class={`badge badge-${props.session.status}`}>{t(`portal.status.${props.session.status}`)}</span>
      <Show when={props.session.status !== "ended"}>
        <button type="button" class="link" aria-pressed={props.shown} aria-label={`${props.shown ? t("portal.opened") : t("portal.open")}: ${props.session.title}`} onClick={() => props.onOpen()}>
          {props.shown ? t("portal.opened") : t("portal.open")}
        </button>
      </Show>
    </li>
  );
}
