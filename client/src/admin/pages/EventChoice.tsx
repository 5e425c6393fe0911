import { For, Show } from "solid-js";
import type { ScopedEvent } from "../access";
import { titleOf } from "../EventsPage";
import { ta } from "../i18n";

/**
 * "All events" or "only these": the limit on a membership. `null` is all of the workspace's
 * events, now and later; a list is those events only.
 */
export function EventChoice(props: {
  id: string;
  legend: string;
  events: ScopedEvent[];
  value: string[] | null;
  onChange: (value: string[] | null) => void;
  error?: string | undefined;
}) {
  const toggle = (id: string, on: boolean) => {
    const now = props.value ?? [];
    props.onChange(on ? [...now.filter((x) => x !== id), id] : now.filter((x) => x !== id));
  };
  return (
    <fieldset
      id={props.id}
      class="field event-choice"
      aria-invalid={props.error ? "true" : undefined}
      aria-describedby={props.error ? `${props.id}-error` : undefined}
    >
      <legend>{props.legend}</legend>
      <label class="check">
        <input
          type="radio"
          name={`${props.id}-scope`}
          checked={props.value === null}
          onChange={() => props.onChange(null)}
        />
        {ta("admin.limit.all")}
      </label>
      <label class="check">
        <input
          type="radio"
          name={`${props.id}-scope`}
          checked={props.value !== null}
          onChange={() => props.onChange([])}
        />
        {ta("admin.limit.some")}
      </label>
      <Show when={props.value !== null}>
        <Show when={props.events.length > 0} fallback={<p class="muted">{ta("admin.limit.noEvents")}</p>}>
          <ul class="event-choice-list">
            <For each={props.events}>
              {(e) => (
                <li>
                  <label class="check">
                    <input
                      type="checkbox"
                      checked={props.value?.includes(e.id) ?? false}
                      onChange={(ev) => toggle(e.id, ev.currentTarget.checked)}
                    />
                    {titleOf(e)}
                  </label>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Show>
      <Show when={props.error}>
        <p id={`${props.id}-error`} class="field-error">
          {props.error}
        </p>
      </Show>
    </fieldset>
  );
}

/** How a limit reads in a table: "All events", or the titles of the events it allows. */
export function limitText(eventIds: string[] | null, events: ScopedEvent[]): string {
  if (eventIds === null) return ta("admin.limit.all");
  if (eventIds.length === 0) return ta("admin.limit.none");
  return eventIds
    .map((id) => events.find((e) => e.id === id))
    .map((e, i) => (e ? titleOf(e) : eventIds[i]))
    .join(", ");
}
