import { For, Show } from "solid-js";
import type { AdminEvent } from "../../../../../core/contract/index";
import { formatDateTime, formatTime } from "../../../i18n/time";
import { toLocal } from "../../../../../core/rules/zoned-time";
import { ta } from "../../i18n";
import { titleOf } from "./title";
import "./events.css";

/** "12 Dec 2026, 10:00–17:00" on the event's own clock; the end gets its date when it is another day. */
export function whenOf(e: AdminEvent): string {
  const o = { timeZone: e.timezone };
  const sameDay =
    toLocal(Date.parse(e.startsAt), e.timezone).slice(0, 10) === toLocal(Date.parse(e.endsAt), e.timezone).slice(0, 10);
  const end = sameDay ? formatTime(e.endsAt, o) : formatDateTime(e.endsAt, o);
  return `${formatDateTime(e.startsAt, o)} – ${end}`;
}

function registrationState(e: AdminEvent): string {
  if (!e.registrationOpen) return ta("admin.events.state.closed");
  if (Date.parse(e.endsAt) <= Date.now()) return ta("admin.events.state.ended");
  if (e.capacity !== null && (e.registrations ?? 0) >= e.capacity) return ta("admin.events.state.full");
  return ta("admin.events.state.open");
}

/** The workspace's events: each opens its page, and can be copied. */
export function EventList(props: {
  events: AdminEvent[];
  canWrite: boolean;
  hrefOf: (e: AdminEvent) => string;
  onOpen: (e: AdminEvent, click: MouseEvent) => void;
  onDuplicate: (e: AdminEvent) => void;
}) {
  return (
    <div class="table-scroll">
      <table class="admin-table event-list">
        <caption class="visually-hidden">{ta("admin.events.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{ta("admin.events.col.title")}</th>
            <th scope="col">{ta("admin.events.col.when")}</th>
            <th scope="col">{ta("admin.events.col.registration")}</th>
            <th scope="col">{ta("admin.events.col.registrations")}</th>
            <Show when={props.canWrite}>
              <th scope="col">{ta("admin.events.col.actions")}</th>
            </Show>
          </tr>
        </thead>
        <tbody>
          <For each={props.events}>
            {(e) => (
              <tr data-event-id={e.id}>
                <td>
                  <a href={props.hrefOf(e)} onClick={(click) => props.onOpen(e, click)}>
                    {titleOf(e)}
                  </a>
                  <div class="muted">{`/e/${e.slug}`}</div>
                </td>
                <td>
                  {whenOf(e)}
                  <div class="muted">{e.timezone}</div>
                </td>
                <td>{registrationState(e)}</td>
                <td>
                  {e.capacity === null
                    ? String(e.registrations ?? 0)
                    : ta("admin.events.ofCapacity", { count: e.registrations ?? 0, capacity: e.capacity })}
                </td>
                <Show when={props.canWrite}>
                  <td>
                    <button
                      type="button"
                      class="secondary"
                      aria-label={ta("admin.events.duplicateOne", { title: titleOf(e) })}
                      onClick={() => props.onDuplicate(e)}
                    >
                      {ta("admin.events.duplicate")}
                    </button>
                  </td>
                </Show>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
