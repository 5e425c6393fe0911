import { createResource, Match, Show, Switch } from "solid-js";
import type { AdminEvent, AdminSession } from "../../../../core/contract/index";
import { has } from "../access";
import { adminApi } from "../api";
import { errorText } from "../errors";
import { ta } from "../i18n";
import { FormBuilder } from "./form/FormBuilder";
import type { EventTabProps } from "./tab-props";

/**
 * The event's registration form: the organizer's own questions, edited with a live preview of
 * the public page. The event is read afresh (with its sessions, whose audience rules may use the
 * questions) each time the tab opens or another event is chosen.
 */
export default function FormTab(props: EventTabProps) {
  const [detail, { refetch }] = createResource(
    () => props.event.id,
    (id) => adminApi<AdminEvent & { sessions: AdminSession[] }>(`/api/admin/events/${encodeURIComponent(id)}`),
  );
  return (
    <section class="card form-tab" aria-labelledby="form-tab-heading">
      <h2 id="form-tab-heading">{ta("admin.form.heading")}</h2>
      <p class="muted">{ta("admin.form.intro")}</p>
      <Switch>
        <Match when={detail.error}>
          <p role="alert">{errorText(detail.error)}</p>
          <button type="button" onClick={() => refetch()}>
            {ta("admin.retry")}
          </button>
        </Match>
        <Match when={detail()}>
          {(d) => (
            // Keyed: another event starts a fresh draft (leaving this one was asked about already).
            <Show when={d()} keyed>
              {(loaded) => (
                <FormBuilder
                  event={loaded}
                  sessions={loaded.sessions}
                  readOnly={!has(props.workspace, "events:write")}
                  onSaved={() => props.refetchEvents()}
                />
              )}
            </Show>
          )}
        </Match>
        <Match when={detail.loading}>
          <p role="status">{ta("admin.form.loading")}</p>
        </Match>
      </Switch>
    </section>
  );
}
