import { A, useLocation, useNavigate } from "@solidjs/router";
import { createEffect, createSignal, lazy, Match, on, onCleanup, Show, Switch, type JSX } from "solid-js";
import type { MeResponse, ProgrammeResponse, SelectionsResponse } from "../../../core/contract/index";
import { ConnectionStatus } from "../components/ConnectionStatus";
import { Shell } from "../components/Shell";
import { FollowBanner, placeHref } from "../features/follow/FollowBanner";
import { followSession, landingPlace } from "../features/follow/follow";
import { createHub } from "../features/hub/hub";
import { InviteToasts } from "../features/invite/InviteToasts";
import type { LiveSession } from "../features/session/live";
import { adoptRegistrationLanguage, chosenLanguage, language, t, withChosenLanguage } from "../i18n";
import { api, ApiFailure } from "../lib/api";
import { createKept } from "../lib/kept";
import { createServerClock } from "./clock";
import { PortalContext, type Portal } from "./context";
import { createFollowSetting } from "./follow-setting";

// Only people in a 1:1 need its call view.
const OneToOne = lazy(() => import("../features/invite/OneToOne"));

/** The programme is fetched again this often: organizers move and add sessions during an event. */
const PROGRAMME_REFRESH_MS = 60_000;

/**
 * The participant portal's frame: loads who this is and their programme, keeps the server clock,
 * sends first-time visitors through the tech check, lands everyone where they should be now, and
 * runs "follow my programme" on every page.
 */
export function PortalShell(props: { children?: JSX.Element }) {
  const clock = createServerClock();
  const me = createKept(
    () => api<MeResponse>(withChosenLanguage("/api/me")),
    (loaded) => adoptRegistrationLanguage(loaded.registration.language),
  );
  let sentAt = 0;
  const programme = createKept(
    () => {
      sentAt = Date.now();
      return api<ProgrammeResponse>(withChosenLanguage("/api/me/programme"));
    },
    (loaded) => clock.sync(loaded.now, sentAt, Date.now()),
  );
  void me.load();
  void programme.load();
  const refresh = setInterval(() => void programme.load(), PROGRAMME_REFRESH_MS);
  onCleanup(() => clearInterval(refresh));
  // Switching the language brings session titles and the event's name in that language too (the
  // registration's language, adopted on the first load, needs no second fetch).
  createEffect(
    on(
      language,
      () => {
        if (!chosenLanguage()) return;
        void me.load();
        void programme.load();
      },
      { defer: true },
    ),
  );

  const error = () => me.error() ?? programme.error();
  return (
    <Switch>
      <Match when={error() instanceof ApiFailure && (error() as ApiFailure).status === 401}>
        <Shell>
          <section class="card narrow">
            <p>{t("portal.signedOut")}</p>
          </section>
        </Shell>
      </Match>
      <Match when={error()}>
        <Shell>
          <section class="card narrow" role="alert">
            <p>{t("portal.loadFailed", { reason: (error() as Error).message })}</p>
            <button
              type="button"
              onClick={() => {
                void me.load();
                void programme.load();
              }}
            >
              {t("portal.retry")}
            </button>
          </section>
        </Shell>
      </Match>
      <Match when={me.value() && programme.value()}>
        <Loaded
          me={me.value()!}
          programme={programme.value()!}
          clock={clock}
          refetchMe={me.load}
          refetchProgramme={programme.load}
        >
          {props.children}
        </Loaded>
      </Match>
      <Match when={true}>
        <Shell>
          <p class="card narrow" role="status">
            {t("portal.loading")}
          </p>
        </Shell>
      </Match>
    </Switch>
  );
}

function Loaded(props: {
  me: MeResponse;
  programme: ProgrammeResponse;
  clock: ReturnType<typeof createServerClock>;
  refetchMe: () => unknown;
  refetchProgramme: () => unknown;
  children?: JSX.Element;
}) {
  const location = useLocation();
  const navigate = useNavigate();
  const { follow, setFollow } = createFollowSetting();
  const [live, setLive] = createSignal<LiveSession>();
  // One hub connection for the whole portal: 1:1 invitations reach the person on any page, and a 1:1
  // call carries on while they move between pages.
  const hub = createHub();
  onCleanup(() => hub.close());
  const portal: Portal = {
    me: () => props.me,
    programme: () => props.programme,
    refreshProgramme: () => void props.refetchProgramme(),
    refreshMe: async () => void (await props.refetchMe()),
    serverNow: props.clock.now,
    follow,
    setFollow,
    live,
    setLive,
    session: (id) => props.programme.sessions.find((s) => s.id === id),
    select: async (sessionId) => {
      await api<SelectionsResponse>(`/api/me/selections/${encodeURIComponent(sessionId)}`, { method: "PUT" });
      void props.refetchProgramme();
    },
    hub,
  };

  const land = () =>
    navigate(placeHref(landingPlace(props.programme.sessions.map(followSession), props.clock.now(), follow())), {
      replace: true,
    });
  // First visit: the tech check. Then (and on every fresh load of /portal) land where the person
  // should be now, so a reload or a second device shows the same place.
  let landed = false;
  createEffect(() => {
    if (props.me.techCheck === null && !location.pathname.startsWith("/portal/tech-check")) {
      navigate("/portal/tech-check", { replace: true });
      return;
    }
    if (!landed && location.pathname === "/portal") {
      landed = true;
      land();
    }
  });

  return (
    <PortalContext.Provider value={portal}>
      <Shell
        title={props.me.event.title}
        branding={props.me.event.branding}
        aside={<Show when={live()}>{(l) => <ConnectionStatus state={l().connection.state()} />}</Show>}
      >
        <nav class="portal-nav" aria-label={t("portal.nav")}>
          <A href="/portal" end>
            {t("portal.nav.programme")}
          </A>
          <A href="/portal/people">{t("portal.nav.people")}</A>
          <A href="/portal/tech-check">{t("portal.nav.techCheck")}</A>
          <label class="follow-toggle">
            <input type="checkbox" checked={follow()} onChange={(e) => setFollow(e.currentTarget.checked)} />
            {t("follow.toggle")}
          </label>
        </nav>
        <FollowBanner />
        <InviteToasts hub={hub} />
        <Show when={hub.you()?.chat}>
          <OneToOne hub={hub} myName={props.me.registration.name} />
        </Show>
        {props.children}
      </Shell>
    </PortalContext.Provider>
  );
}
