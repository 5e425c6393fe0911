import { A, useParams } from "@solidjs/router";
import { createEffect, createMemo, createSignal, lazy, on, onCleanup, Show, Suspense } from "solid-js";
import { createLiveSession, type LiveSession } from "../features/session/live";
import { ControlDesk } from "../features/session/ControlDesk";
import { SessionView } from "../features/session/SessionView";
import { SendEveryone } from "../features/nav/SendEveryone";
import { t } from "../i18n";
import { usePortal } from "./context";

// Stage player and call view load on demand: the portal's first paint stays small.
const SessionMedia = lazy(() => import("../features/media/SessionMedia"));

/**
 * One programme session: its media (stage player or call) and its live interactions, over one
 * connection to the session's object. Moderators can send everyone elsewhere from here.
 */
export default function SessionPage() {
  const params = useParams<{ id: string }>();
  const portal = usePortal();
  const session = () => portal.session(params.id);
  // The connection belongs to the session's id, not to its programme entry: a refresh that
  // changes the title, the times or the status must never open a second connection.
  const sessionId = createMemo(() => (session() ? params.id : undefined));
  const [live, setLive] = createSignal<LiveSession>();
  createEffect(
    on(sessionId, (id) => {
      if (!id) return;
      const next = createLiveSession(id);
      setLive(next);
      portal.setLive(next);
      onCleanup(() => {
        next.close();
        portal.setLive(undefined);
        setLive(undefined);
      });
    }),
  );
  const moderator = () => portal.me().registration.role === "moderator";

  return (
    <Show
      when={session()}
      fallback={
        <section class="card narrow" data-portal-page="session-missing">
          <h1>{t("portal.sessionMissing.title")}</h1>
          <p>{t("portal.sessionMissing.body")}</p>
          <A href="/portal">{t("portal.backToProgramme")}</A>
        </section>
      }
    >
      {(s) => (
        <div data-portal-page="session" data-session-kind={s().kind}>
          <section
            class="card session-header"
            data-session-id={s().id}
            data-connected={live()?.state.you ? "yes" : "no"}
          >
            <p class="muted">
              <A href="/portal">{t("portal.backToProgramme")}</A>
            </p>
            <h1>{s().title}</h1>
            <p class="muted">
              {t(`portal.kind.${s().kind}`)} ·{" "}
              <span class={`badge badge-${s().status}`}>{t(`portal.status.${s().status}`)}</span>
            </p>
            <Show when={s().description}>
              <p>{s().description}</p>
            </Show>
            <Show when={moderator() && live()}>{(l) => <SendEveryone live={l()} from={s().id} />}</Show>
          </section>
          {/* Side by side on wide screens (video and conversation), stacked on phones. Staff get
              their control desk as a third region, beside both on wide screens (session.css). */}
          <div class="session-layout">
            <Show when={live()} keyed>
              {(l) => (
                <section class="card media" aria-label={s().title} data-session-kind={s().kind}>
                  <Suspense fallback={<p role="status">{t("session.loading")}</p>}>
                    <SessionMedia session={s()} connection={l.connection} me={portal.me()} live={l} />
                  </Suspense>
                </section>
              )}
            </Show>
            <Show when={live()}>{(l) => <SessionView live={l()} />}</Show>
            <Show when={live()}>{(l) => <ControlDesk live={l()} />}</Show>
          </div>
        </div>
      )}
    </Show>
  );
}
