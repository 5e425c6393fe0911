import { createSignal, Show } from "solid-js";
import type { AdminEvent } from "../../../../core/contract/index";
import { has } from "../access";
import { adminPatch } from "../api";
import { ta } from "../i18n";
import { changedBody, draftOf } from "./events/draft";
import { EventForm } from "./events/EventForm";
import type { EventTabProps } from "./tab-props";

/** The event's details tab: title, address, times in the event's zone, languages, registration. */
export default function DetailsTab(props: EventTabProps) {
  const [saved, setSaved] = createSignal(false);
  const canWrite = () => has(props.workspace, "events:write");
  return (
    <section class="card" aria-labelledby="event-details-heading">
      <h2 id="event-details-heading">{ta("admin.events.detailsHeading")}</h2>
      <Show when={!canWrite()}>
        <p class="muted">{ta("admin.events.readOnly")}</p>
      </Show>
      {/* Another event is another form: keyed on the id, so nothing typed for one shows on the next. */}
      <Show when={props.event.id} keyed>
        <EventForm
          id="event-details"
          initial={draftOf(props.event)}
          readOnly={!canWrite()}
          submitLabel="admin.save"
          onSubmit={async (d) => {
            setSaved(false);
            const changes = changedBody(draftOf(props.event), d);
            if (Object.keys(changes).length > 0) {
              await adminPatch<AdminEvent>(`/api/admin/events/${encodeURIComponent(props.event.id)}`, changes);
            }
            setSaved(true);
            props.refetchEvents();
          }}
        />
      </Show>
      <p role="status">{saved() ? ta("admin.events.saved") : ""}</p>
    </section>
  );
}
