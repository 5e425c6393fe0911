import { createSignal, For, Match, Switch } from "solid-js";
import { textIn } from "../../../core/protocol/localized";
import { language } from "../i18n";
import type { ScopedEvent } from "./access";
import { errorText } from "./errors";
import { ta } from "./i18n";
import { Outbox } from "./Outbox";
import type { PageProps } from "./page-props";
import { Registrations } from "./Registrations";

/** An event's title in the organizer's language, when they wrote it in several. */
export const titleOf = (e: ScopedEvent) => textIn(e.title, language(), e.languages);

type Tab = "registrations" | "outbox";

/** The event an address names: `/admin?event=<id>`, so an event can be linked and reloaded. */
const eventInAddress = () => new URLSearchParams(location.search).get("event") ?? undefined;

/** Events: pick one of the workspace's events, then its registrations or the local outbox. */
export function EventsPage(props: PageProps & { loading: boolean; error: unknown }) {
  const [eventId, setEventId] = createSignal(eventInAddress());
  const [tab, setTab] = createSignal<Tab>("registrations");
  const choose = (id: string) => {
    setEventId(id);
    history.replaceState(null, "", `${location.pathname}?event=${encodeURIComponent(id)}`);
  };
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
                <select id="admin-event" value={event().id} onChange={(e) => choose(e.currentTarget.value)}>
                  <For each={props.events}>{(e) => <option value={e.id}>{`${titleOf(e)} (${e.slug})`}</option>}</For>
                </select>
              </div>
              <nav class="tabs" aria-label={ta("admin.nav.label")}>
                <For each={["registrations", "outbox"] as const}>
                  {(name) => (
                    <button
                      type="button"
                      aria-current={tab() === name ? "page" : undefined}
                      onClick={() => setTab(name)}
                    >
                      {ta(`admin.tab.${name}`)}
                    </button>
                  )}
                </For>
              </nav>
            </section>
            <Switch>
              <Match when={tab() === "registrations"}>
                <Registrations event={event()} controls={props.controls} />
              </Match>
              <Match when={tab() === "outbox"}>
                <Outbox event={event()} />
              </Match>
            </Switch>
          </>
        )}
      </Match>
    </Switch>
  );
}
