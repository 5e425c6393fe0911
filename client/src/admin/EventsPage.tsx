import { createEffect, createSignal, For, lazy, Match, on, onCleanup, Switch } from "solid-js";
import { has, type ScopedEvent } from "./access";
import { errorText } from "./errors";
import { ta } from "./i18n";
import { Outbox } from "./Outbox";
import { EventsOverview, plainClick } from "./event/events/EventsOverview";
import { titleOf } from "./event/events/title";
import { EVENT_TABS, type EventTab, tabOf } from "./event/tabs";
import type { PageProps } from "./page-props";
import { Registrations } from "./Registrations";
import { leaveThen } from "./unsaved";

export { titleOf };

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

const addressOf = (eventId: string | undefined, tab: EventTab) => {
  if (!eventId) return location.pathname;
  const q = new URLSearchParams();
  q.set("event", eventId);
  q.set("tab", tab);
  return `${location.pathname}?${q}`;
};

/**
 * Events: the workspace's events as a list (open one, copy one, start a new one), and an event's
 * own page with its tabs. Opening an event is a new entry in the history, so Back returns to the list.
 */
export function EventsPage(
  props: PageProps & {
    /** Grows with each click on the console's "Events" link: back to the list the address now names. */
    visit: number;
    loading: boolean;
    error: unknown;
    refetchEvents: () => void;
  },
) {
  const [eventId, setEventId] = createSignal(eventInAddress());
  const [tab, setTab] = createSignal<EventTab>(tabInAddress());
  // Where focus goes once the next view is drawn (the event's heading, the list's notice).
  const [focusNext, setFocusNext] = createSignal<string>();

  const onPop = () => {
    setEventId(eventInAddress());
    setTab(tabInAddress());
  };
  window.addEventListener("popstate", onPop);
  onCleanup(() => window.removeEventListener("popstate", onPop));
  // The console asked already about unsaved changes before it moved the address.
  createEffect(on(() => props.visit, onPop, { defer: true }));

  // The list holds exactly what the caller may see, so an id outside it is "not found" for them,
  // whether it exists in another workspace or nowhere (the API answers 404 alike). While the list
  // is read again (after a save), the page stays as it is.
  const known = () => props.events.find((e) => e.id === eventId());
  const unknown = () => !props.loading && eventId() !== undefined && !known();
  // Unsaved changes in a tab (the form builder, say) are asked about before they are left.
  const open = (id: string | undefined, next: EventTab = tab()) =>
    leaveThen(() => {
      setEventId(id);
      setTab(next);
      history.pushState(null, "", addressOf(id, next));
      setFocusNext(id ? "event-heading" : "events-heading");
    });
  const choose = (id: string, stay?: () => void) =>
    leaveThen(() => {
      setEventId(id);
      history.replaceState(null, "", addressOf(id, tab()));
    }, stay);
  const openTab = (next: EventTab) =>
    leaveThen(() => {
      setTab(next);
      history.replaceState(null, "", addressOf(eventId(), next));
    });
  createEffect(() => {
    const id = focusNext();
    // Drawn now, or once the list read again after a create holds the new event.
    void known();
    const target = id && document.getElementById(id);
    if (target) {
      target.focus();
      setFocusNext(undefined);
    }
  });

  return (
    <Switch>
      <Match when={props.error}>
        <p class="card" role="alert">
          {errorText(props.error)}
        </p>
      </Match>
      <Match when={props.loading && props.events.length === 0}>
        <p class="card" role="status">
          {ta("admin.loading")}
        </p>
      </Match>
      <Match when={eventId() === undefined}>
        <EventsOverview
          events={props.events}
          workspaceId={props.workspace.id}
          canWrite={has(props.workspace, "events:write")}
          hrefOf={(id, next) => addressOf(id, next ?? tab())}
          open={open}
          refetchEvents={props.refetchEvents}
          focus={setFocusNext}
        />
      </Match>
      <Match when={unknown()}>
        <section class="card">
          <p role="alert">{ta("admin.event.notFound")}</p>
          <ul>
            <For each={props.events}>
              {(e) => (
                <li>
                  <button type="button" class="link" onClick={() => open(e.id)}>
                    {titleOf(e)}
                  </button>
                </li>
              )}
            </For>
          </ul>
        </section>
      </Match>
      <Match when={known()}>
        {(event) => (
          <>
            <section class="card">
              <p class="events-back">
                <a
                  href={addressOf(undefined, tab())}
                  onClick={(e) => {
                    if (!plainClick(e)) return;
                    e.preventDefault();
                    open(undefined);
                  }}
                >
                  {ta("admin.events.all")}
                </a>
              </p>
              <h1 id="event-heading" tabindex="-1">
                {titleOf(event())}
              </h1>
              <div class="field event-chooser">
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
              <nav class="tabs event-tabs" aria-label={ta("admin.nav.label")}>
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
      <Match when={eventId() !== undefined}>
        {/* Just created: the list is on its way back from the server with the new event in it. */}
        <p class="card" role="status">
          {ta("admin.loading")}
        </p>
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
