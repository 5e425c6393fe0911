import { createResource, createSignal, For, Match, Show, Switch } from "solid-js";
import type { AdminEvent, OutboxMessage, Page } from "../../../core/contract/index";
import { ApiFailure } from "../lib/api";
import { adminApi } from "./api";
import { ta, when } from "./i18n";

/** What the outbox shows: this event's e-mail, or all the caller may read (member invitations too). */
type OutboxScope = "event" | "all";

/**
 * The local outbox: every e-mail Foyer "sent", readable as text. This event's by default; "all"
 * adds the other events the caller may read and, for owners, the workspace's member invitations
 * (organizer e-mail belongs to a workspace, not an event). Sign-in links are never listed: they
 * are one person's key (locally, `npm run signin` prints one).
 */
export function Outbox(props: { event: AdminEvent }) {
  const [scope, setScope] = createSignal<OutboxScope>("event");
  const [messages, { refetch }] = createResource(
    () => ({ eventId: props.event.id, scope: scope() }),
    ({ eventId, scope }) =>
      adminApi<Page<OutboxMessage>>(
        scope === "event"
          ? `/api/admin/outbox?eventId=${encodeURIComponent(eventId)}&limit=100`
          : "/api/admin/outbox?limit=100",
      ),
  );
  return (
    <section class="card" aria-labelledby="outbox-heading">
      <h2 id="outbox-heading">{ta("admin.tab.outbox")}</h2>
      <div class="toolbar">
        <fieldset class="inline-choice">
          <legend>{ta("admin.outbox.show")}</legend>
          <For each={["event", "all"] as const}>
            {(s) => (
              <label>
                <input
                  type="radio"
                  name="outbox-scope"
                  value={s}
                  checked={scope() === s}
                  onChange={() => setScope(s)}
                />{" "}
                {ta(s === "event" ? "admin.outbox.scope.event" : "admin.outbox.scope.all")}
              </label>
            )}
          </For>
        </fieldset>
        <button type="button" onClick={() => refetch()}>
          {ta("admin.refresh")}
        </button>
      </div>
      <Switch>
        <Match when={messages.error instanceof ApiFailure && (messages.error as ApiFailure).status === 409}>
          <p>{ta("admin.outbox.disabled")}</p>
        </Match>
        <Match when={messages.error}>
          <p role="alert">{ta("admin.failed", { reason: (messages.error as Error).message })}</p>
        </Match>
        <Match when={messages()}>
          {(page) => (
            <Show when={page().items.length > 0} fallback={<p>{ta("admin.outbox.empty")}</p>}>
              <p class="visually-hidden">{ta("admin.outbox.caption")}</p>
              <ul class="outbox">
                <For each={page().items}>
                  {(m) => (
                    <li class="outbox-message" data-to={m.to}>
                      <details>
                        <summary>
                          <Show when={m.eventId === null}>
                            <span class="badge">{ta("admin.outbox.organizerMail")}</span>{" "}
                          </Show>
                          <strong>{m.subject}</strong> — {ta("admin.outbox.to", { to: m.to })},{" "}
                          <time datetime={m.createdAt}>{when(m.createdAt)}</time>
                        </summary>
                        <div class="outbox-body">{m.text}</div>
                      </details>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          )}
        </Match>
        <Match when={messages.loading}>
          <p role="status">{ta("admin.loading")}</p>
        </Match>
      </Switch>
    </section>
  );
}
