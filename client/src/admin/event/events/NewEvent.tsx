import { onMount } from "solid-js";
import type { AdminEvent } from "../../../../../core/contract/index";
import { adminPost } from "../../api";
import { ta } from "../../i18n";
import { bodyOf, draftOf } from "./draft";
import { EventForm } from "./EventForm";

/** A new event in the workspace, from nothing: the details form, empty. */
export function NewEvent(props: { workspaceId: string; onCreated: (e: AdminEvent) => void; onCancel: () => void }) {
  let heading!: HTMLHeadingElement;
  onMount(() => heading.focus());
  return (
    <section class="card" aria-labelledby="new-event-heading">
      <h2 id="new-event-heading" ref={heading} tabindex="-1">
        {ta("admin.events.newHeading")}
      </h2>
      <EventForm
        id="new-event"
        isNew
        initial={draftOf(undefined)}
        submitLabel="admin.events.create"
        onSubmit={async (d) => {
          const created = await adminPost<AdminEvent>("/api/admin/events", {
            ...bodyOf(d),
            workspaceId: props.workspaceId,
          });
          props.onCreated(created);
        }}
      >
        <button type="button" class="secondary" onClick={props.onCancel}>
          {ta("admin.events.cancel")}
        </button>
      </EventForm>
    </section>
  );
}
