import { createEffect, createSignal, For, lazy, Match, onCleanup, Show, Switch } from "solid-js";
import type { AdminEvent } from "../../../core/contract/index";
import { has, type ScopedEvent } from "./access";
import { errorText } from "./errors";
import { ta } from "./i18n";
import { Outbox } from "./Outbox";
import { DuplicateForm } from "./event/events/DuplicateForm";
import { EventList } from "./event/events/EventList";
import { NewEvent } from "./event/events/NewEvent";
import { titleOf } from "./event/events/title";
import { EVENT_TABS, type EventTab, tabOf } from "./event/tabs";
import type { PageProps } from "./page-props";
import { Registrations } from "./Registrations";

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

/** A plain click stays in the page; a new tab or a copied address still gets the link. */
const plainClick = (e: MouseEvent) => e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey;

/**
 * Events: the workspace's events as a list (open one, copy one, start a new one), and an event's
 * own page with its tabs. Opening an event is a new entry in the history, so Back returns to the list.
 */
export function EventsPage(props: PageProps & { loading: boolean; error: unknown; refetchEvents: () => void }) {
  const [eventId, setEventId] = createSignal(eventInAddress());
  const [tab, setTab] = createSignal<EventTab>(tabInAddress());
  const [creating, setCreating] = createSignal(false);
  const [copying, setCopying] = createSignal<AdminEvent>();
  const [notice, setNotice] = createSignal<{ text: string; event?: AdminEvent }>();
  // Where focus goes once the next view is drawn (the event's heading, the list's notice).
  const [focusNext, setFocusNext] = createSignal<string>();
  const canWrite = () => has(props.workspace, "events:write");

  const onPop = () => {
    setEventId(eventInAddress());
    setTab(tabInAddress());
  };
  window.addEventListener("popstate", onPop);
  onCleanup(() => window.removeEventListener("popstate", onPop));

  const open = (id: string | undefined, next: EventTab = tab()) => {
    setEventId(id);
    setTab(next);
    setCreating(false);
    setCopying(undefined);
    history.pushState(null, "", addressOf(id, next));
    setFocusNext(id ? "event-heading" : "events-heading");
  };
  const choose = (id: string) => {
    setEventId(id);
    history.replaceState(null, "", addressOf(id, tab()));
  };
  const openTab = (next: EventTab) => {
    setTab(next);
    history.replaceState(null, "", addressOf(eventId(), next));
  };
  createEffect(() => {
    const id = focusNext();
    const target = id && document.getElementById(id);
    if (target) {
      target.focus();
      setFocusNext(undefined);
    }
  });

  // The list holds exactly what the caller may see, so an id outside it is "not found" for them,
  // whether it exists in another workspace or nowhere (the API answers 404 alike). While the list
  // is read again (after a save), the page stays as it is.
  const known = () => props.events.find((e) => e.id === eventId());
  const unknown = () => !props.loading && eventId() !== undefined && !known();
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
        <section class="card" aria-labelledby="events-heading">
          <div class="events-head">
            <h1 id="events-heading" tabindex="-1">
              {ta("admin.page.events")}
            </h1>
            <Show when={canWrite() && !creating()}>
              <button
                type="button"
                onClick={() => {
                  setCopying(undefined);
                  setNotice(undefined);
                  setCreating(true);
                }}
              >
                {ta("admin.events.new")}
              </button>
            </Show>
          </div>
          <Show when={notice()}>
            {(n) => (
              <p id="events-notice" role="status" tabindex="-1" class="notice">
                {n().text}{" "}
                <Show when={n().event}>
                  {(copy) => (
                    <a
                      href={addressOf(copy().id, "details")}
                      onClick={(e) => {
                        if (!plainClick(e)) return;
                        e.preventDefault();
                        open(copy().id, "details");
                      }}
                    >
                      {ta("admin.events.openCopy", { title: titleOf(copy()) })}
                    </a>
                  )}
                </Show>
              </p>
            )}
          </Show>
          <Show
            when={props.events.length > 0}
            fallback={<p>{ta(canWrite() ? "admin.events.noneYet" : "admin.event.none")}</p>}
          >
            <EventList
              events={props.events}
              canWrite={canWrite()}
              hrefOf={(e) => addressOf(e.id, tab())}
              onOpen={(e, click) => {
                if (!plainClick(click)) return;
                click.preventDefault();
                open(e.id);
              }}
              onDuplicate={(e) => {
                setCreating(false);
                setNotice(undefined);
                setCopying(e);
              }}
            />
          </Show>
        </section>
        <Show when={creating()}>
          <NewEvent
            workspaceId={props.workspace.id}
            onCreated={(e) => {
              props.refetchEvents();
              open(e.id, "details");
            }}
            onCancel={() => {
              setCreating(false);
              setFocusNext("events-heading");
            }}
          />
        </Show>
        <Show when={copying()} keyed>
          {(source) => (
            <DuplicateForm
              event={source}
              onDone={(copy) => {
                props.refetchEvents();
                setCopying(undefined);
                setNotice({ text: ta("admin.events.copied", { title: titleOf(copy), slug: copy.slug }), event: copy });
                setFocusNext("events-notice");
              }}
              onCancel={() => {
                setCopying(undefined);
                const row = document.querySelector<HTMLButtonElement>(`tr[data-event-id="${source.id}"] button`);
                row?.focus();
              }}
            />
          )}
        </Show>
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
              <div class="field">
                <label for="admin-event">{ta("admin.event.label")}</label>
                <select id="admin-event" value={event().id} onChange={(e) => choose(e.currentTarget.value)}>
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
