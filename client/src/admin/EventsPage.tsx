import { createSignal, For, lazy, Match, Switch } from "solid-js";
import { textIn } from "../../../core/protocol/localized";
import { language } from "../i18n";
import type { ScopedEvent } from "./access";
import { errorText } from "./errors";
import { ta } from "./i18n";
import { Outbox } from "./Outbox";
import { EVENT_TABS, type EventTab, tabOf } from "./event/tabs";
import type { PageProps } from "./page-props";
import { Registrations } from "./Registrations";
import { leaveThen } from "./unsaved";

/** An event's title in the organizer's language, when they wrote it in several. */
export const titleOf = (e: ScopedEvent) => textIn(e.title, language(), e.languages);

// Each tab loads when first opened; most visits are to the registrations.
const DetailsTab = lazy(() => import("./event/DetailsTab"));
const BrandingTab = lazy(() => import("./event/BrandingTab"));
const FormTab = lazy(() => import("./event/FormTab"));
const ProgrammeTab = lazy(() => import("./event/ProgrammeTab"));
const MediaTab = lazy(() => import("./event/MediaTab"));
const InteractionsTab = lazy(() => import("./event/InteractionsTab"));
const LiveTab = lazy(() => import("./event/LiveTab"));
const ReportsTab = lazy(() => import("./event/ReportsTab"));

/** The event and tab an address names: `/admin?event=<id>&tab=<tab>`, so both can be linked and reloaded. */
const eventInAddress = () => new URLSearchParams(location.search).get("event") ?? undefined;
const tabInAddress = () => tabOf(new URLSearchParams(location.search).get("tab"));

function writeAddress(eventId: string | undefined, tab: EventTab) {
  const q = new URLSearchParams();
  if (eventId) q.set("event", eventId);
  q.set("tab", tab);
  history.replaceState(null, "", `${location.pathname}?${q}`);
}

/** Events: pick one of the workspace's events, then its registrations or the local outbox. */
export function EventsPage(props: PageProps & { loading: boolean; error: unknown; refetchEvents: () => void }) {
  const [eventId, setEventId] = createSignal(eventInAddress());
  const [tab, setTab] = createSignal<EventTab>(tabInAddress());
  // Unsaved changes in a tab (the form builder, say) are asked about before they are left.
  const choose = (id: string, stay?: () => void) =>
    leaveThen(() => {
      setEventId(id);
      writeAddress(id, tab());
    }, stay);
  const openTab = (next: EventTab) =>
    leaveThen(() => {
      setTab(next);
      writeAddress(eventId(), next);
    });
  // The list holds exactly what the caller may see, so an id outside it is "not found" for them,
  // whether it exists in another workspace or nowhere (the API answers 404 alike).
  const unknown = () => eventId() !== undefined && !props.events.some((e) => e.id === eventId());
  const selected = () => props.events.find((e) => e.id === eventId()) ?? props.events[0];
  return (
    <Switch>
      <Match when={props.error}>
        <p class="card" role="alert">
          {errorText(props.error)}
        </p>
      </Match>
      <Match when={props.loading}>
        <p class="card" role="status">
          {ta("admin.loading")}
        </p>
      </Match>
      <Match when={props.events.length === 0}>
        <p class="card">{ta("admin.event.none")}</p>
      </Match>
      <Match when={unknown()}>
        <section class="card">
          <p role="alert">{ta("admin.event.notFound")}</p>
          <ul>
            <For each={props.events}>
              {(e) => (
                <li>
                  <button type="button" class="link" onClick={() => choose(e.id)}>
                    {titleOf(e)}
                  </button>
                </li>
              )}
            </For>
          </ul>
        </section>
      </Match>
      <Match when={selected()}>
        {(event) => (
          <>
            <section class="card">
              <h1>{titleOf(event())}</h1>
              <div class="field">
                <label for="admin-event">{ta("admin.event.label")}</label>
                <select
                  id="admin-event"
                  value={event().id}
                  onChange={(e) => {
                    const select = e.currentTarget;
                    choose(select.value, () => (select.value = event().id));
                  }}
                >
                  <For each={props.events}>{(e) => <option value={e.id}>{`${titleOf(e)} (${e.slug})`}</option>}</For>
                </select>
              </div>
              <nav class="tabs" aria-label={ta("admin.nav.label")}>
                <For each={EVENT_TABS}>
                  {(name) => (
                    <button
                      type="button"
                      aria-current={tab() === name ? "page" : undefined}
                      onClick={() => openTab(name)}
                    >
                      {ta(`admin.tab.${name}`)}
                    </button>
                  )}
                </For>
              </nav>
            </section>
            <EventTabPanel tab={tab()} event={event()} {...props} />
          </>
        )}
      </Match>
    </Switch>
  );
}

function EventTabPanel(props: PageProps & { tab: EventTab; event: ScopedEvent; refetchEvents: () => void }) {
  const tabProps = () => ({
    event: props.event,
    events: props.events,
    workspace: props.workspace,
    controls: props.controls,
    refetchEvents: props.refetchEvents,
  });
  return (
    <Switch>
      <Match when={props.tab === "details"}>
        <DetailsTab {...tabProps()} />
      </Match>
      <Match when={props.tab === "branding"}>
        <BrandingTab {...tabProps()} />
      </Match>
      <Match when={props.tab === "form"}>
        <FormTab {...tabProps()} />
      </Match>
      <Match when={props.tab === "programme"}>
        <ProgrammeTab {...tabProps()} />
      </Match>
      <Match when={props.tab === "media"}>
        <MediaTab {...tabProps()} />
      </Match>
      <Match when={props.tab === "interactions"}>
        <InteractionsTab {...tabProps()} />
      </Match>
      <Match when={props.tab === "registrations"}>
        <Registrations event={props.event} controls={props.controls} />
      </Match>
      <Match when={props.tab === "live"}>
        <LiveTab {...tabProps()} />
      </Match>
      <Match when={props.tab === "reports"}>
        <ReportsTab {...tabProps()} />
      </Match>
      <Match when={props.tab === "outbox"}>
        <Outbox event={props.event} />
      </Match>
    </Switch>
  );
}
