import { useParams } from "@solidjs/router";
import { createResource, createSignal, Match, Show, Switch } from "solid-js";
import type { PublicEvent, RegistrationResult } from "../../../../core/contract/index";
import { Shell } from "../../components/Shell";
import { adoptRegistrationLanguage, browserLanguageSupported, language, t } from "../../i18n";
import { formatDateTime } from "../../i18n/time";
import { api, ApiFailure } from "../../lib/api";
import { RegisterForm } from "./RegisterForm";

/** `/e/:slug` — an event and its registration form. */
export default function Register() {
  const params = useParams<{ slug: string }>();
  // The organizer's texts come in the page's language, and again whenever the person switches.
  const [event, { refetch }] = createResource(
    () => ({ slug: params.slug, lang: language() }),
    async ({ slug, lang }) => {
      const e = await api<PublicEvent>(`/api/events/${encodeURIComponent(slug)}?lang=${lang}`);
      // The visitor's own browser language wins; the event's language only stands in for one we lack.
      if (!browserLanguageSupported()) adoptRegistrationLanguage(e.defaultLanguage);
      return e;
    },
  );
  const [done, setDone] = createSignal<RegistrationResult>();
  return (
    <Shell title={event()?.title} branding={event()?.branding}>
      <Switch>
        <Match when={event.error instanceof ApiFailure && (event.error as ApiFailure).status === 404}>
          <section class="card narrow">
            <h1>{t("notFound.title")}</h1>
            <p>{t("register.notFound")}</p>
          </section>
        </Match>
        <Match when={event.error}>
          <section class="card narrow" role="alert">
            <p>{t("register.loadFailed", { reason: (event.error as Error).message })}</p>
            <button type="button" onClick={() => refetch()}>
              {t("portal.retry")}
            </button>
          </section>
        </Match>
        <Match when={done()}>{(result) => <Done result={result()} />}</Match>
        {/* A switch of language refetches; the form stays (with what was typed) meanwhile. */}
        <Match when={event()}>
          {(e) => (
            <>
              <EventHeader event={e()} />
              <Show
                when={e().registrationOpen && !e().full}
                fallback={
                  <p class="card narrow" role="status">
                    {t(e().registrationOpen ? "register.eventFull" : "register.closed")}
                  </p>
                }
              >
                <RegisterForm event={e()} onDone={setDone} />
              </Show>
            </>
          )}
        </Match>
        <Match when={event.loading}>
          <p class="card narrow" role="status">
            {t("register.loading")}
          </p>
        </Match>
      </Switch>
    </Shell>
  );
}

function EventHeader(props: { event: PublicEvent }) {
  const when = (iso: string) => formatDateTime(iso, { timeZone: props.event.timezone, dateStyle: "full" });
  return (
    <section class="card narrow">
      <h1>{props.event.title}</h1>
      <p class="muted">
        {t("register.when", {
          start: when(props.event.startsAt),
          end: when(props.event.endsAt),
          timezone: props.event.timezone,
        })}
      </p>
      <Show when={props.event.description}>
        <p class="event-description">{props.event.description}</p>
      </Show>
    </section>
  );
}

function Done(props: { result: RegistrationResult }) {
  let heading!: HTMLHeadingElement;
  queueMicrotask(() => heading?.focus());
  return (
    <section class="card narrow" role="status" data-registered={props.result.registration.id}>
      <h1 ref={heading} tabindex="-1">
        {t("register.done.title")}
      </h1>
      <p>{t("register.done.body", { email: props.result.emailedTo })}</p>
    </section>
  );
}
