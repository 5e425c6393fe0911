import { createSignal, Show } from "solid-js";
import type { AdminEvent } from "../../../../../core/contract/index";
import { ta } from "../../i18n";
import type { EventTab } from "../tabs";
import { DuplicateForm } from "./DuplicateForm";
import { EventList } from "./EventList";
import { NewEvent } from "./NewEvent";
import { titleOf } from "./title";

/** A plain click stays in the page; a new tab or a copied address still gets the link. */
export const plainClick = (e: MouseEvent) => e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey;

/** The events page without an event chosen: the list, a new event, a copy of one. */
export function EventsOverview(props: {
  events: AdminEvent[];
  workspaceId: string;
  canWrite: boolean;
  hrefOf: (id: string, tab?: EventTab) => string;
  open: (id: string, tab?: EventTab) => void;
  refetchEvents: () => void;
  /** Focus the element with this id once it is drawn. */
  focus: (id: string) => void;
}) {
  const [creating, setCreating] = createSignal(false);
  const [copying, setCopying] = createSignal<AdminEvent>();
  const [notice, setNotice] = createSignal<{ text: string; event: AdminEvent }>();
  const openOnClick = (id: string, tab?: EventTab) => (e: MouseEvent) => {
    if (!plainClick(e)) return;
    e.preventDefault();
    props.open(id, tab);
  };
  return (
    <>
      <section class="card" aria-labelledby="events-heading">
        <div class="events-head">
          <h1 id="events-heading" tabindex="-1">
            {ta("admin.page.events")}
          </h1>
          <Show when={props.canWrite && !creating()}>
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
              <a href={props.hrefOf(n().event.id, "details")} onClick={openOnClick(n().event.id, "details")}>
                {ta("admin.events.openCopy", { title: titleOf(n().event) })}
              </a>
            </p>
          )}
        </Show>
        <Show
          when={props.events.length > 0}
          fallback={<p>{ta(props.canWrite ? "admin.events.noneYet" : "admin.event.none")}</p>}
        >
          <EventList
            events={props.events}
            canWrite={props.canWrite}
            hrefOf={(e) => props.hrefOf(e.id)}
            onOpen={(e, click) => openOnClick(e.id)(click)}
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
          workspaceId={props.workspaceId}
          onCreated={(e) => {
            props.refetchEvents();
            props.open(e.id, "details");
          }}
          onCancel={() => {
            setCreating(false);
            props.focus("events-heading");
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
              props.focus("events-notice");
            }}
            onCancel={() => {
              setCopying(undefined);
              document.querySelector<HTMLButtonElement>(`tr[data-event-id="${source.id}"] button`)?.focus();
            }}
          />
        )}
      </Show>
    </>
  );
}
