import { createSignal, For, Match, Switch } from "solid-js";
import { textIn } from "../../../core/protocol/localized";
import { language } from "../i18n";
import type { ScopedEvent } from "./access";
import { ta } from "./i18n";
import { Outbox } from "./Outbox";
import type { PageProps } from "./page-props";
import { Registrations } from "./Registrations";

/** An event's title in the organizer's language, when they wrote it in several. */
export const titleOf = (e: ScopedEvent) => textIn(e.title, language(), e.languages);

type Tab = "registrations" | "outbox";

/** Events: pick one of the workspace's events, then its registrations or the local outbox. */
export function EventsPage(props: PageProps & { loading: boolean; error: unknown }) {
  const [eventId, setEventId] = createSignal<string>();
  const [tab, setTab] = createSignal<Tab>("registrations");
  const selected = () => props.events.find((e) => e.id === eventId()) ?? props.events[0];
  return (
    <Switch>
      <Match when={props.error}>
        <p class="card" role="alert">
          {ta("admin.failed", { reason: (props.error as Error).message })}
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
      <Match when={selected()}>
        {(event) => (
          <>
            <section class="card">
              <h1>{titleOf(event())}</h1>
              <div class="field">
                <label for="admin-event">{ta("admin.event.label")}</label>
                <select id="admin-event" value={event().id} onChange={(e) => setEventId(e.currentTarget.value)}>
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
