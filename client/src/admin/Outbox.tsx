import { createResource, For, Match, Show, Switch } from "solid-js";
import type { AdminEvent, OutboxMessage, Page } from "../../../core/contract/index";
import { ApiFailure } from "../lib/api";
import { adminApi } from "./api";
import { ta, when } from "./i18n";

/** The local outbox for this event: every e-mail Foyer "sent", readable as text. */
export function Outbox(props: { event: AdminEvent }) {
  const [messages, { refetch }] = createResource(
    () => props.event.id,
    (eventId) => adminApi<Page<OutboxMessage>>(`/api/admin/outbox?eventId=${encodeURIComponent(eventId)}&limit=100`),
  );
  return (
    <section class="card" aria-labelledby="outbox-heading">
      <h2 id="outbox-heading">{ta("admin.tab.outbox")}</h2>
      <div class="toolbar">
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
