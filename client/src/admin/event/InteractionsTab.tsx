import { createEffect, createResource, createSignal, For, on, Show } from "solid-js";
import type { PreparedInteraction, PreparedKind } from "../../../../core/contract/interactions";
import { PreparedKinds } from "../../../../core/contract/interactions";
import type { AdminSession } from "../../../../core/contract/index";
import { textIn } from "../../../../core/protocol/localized";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { language } from "../../i18n";
import { has } from "../access";
import { adminApi, adminDelete, adminPost } from "../api";
import { errorText } from "../errors";
import { ta } from "../i18n";
import { ListStatus } from "../pages/AdminTable";
import { titleOfItem } from "./interactions/draft";
import { ItemEditor } from "./interactions/ItemEditor";
import { PreparedList } from "./interactions/PreparedList";
import type { EventTabProps } from "./tab-props";
import "./interactions/interactions.css";

type Editing = { kind: PreparedKind; item?: PreparedInteraction };
const prepPath = (sessionId: string) => `/api/admin/sessions/${encodeURIComponent(sessionId)}/prepared`;

/** The event's interactions tab: per session, the polls, quizzes and word clouds prepared for its moderators. */
export default function InteractionsTab(props: EventTabProps) {
  const [sessions] = createResource(
    () => props.event.id,
    (id) => adminApi<{ items: AdminSession[] }>(`/api/admin/events/${encodeURIComponent(id)}/sessions`),
  );
  // Moderators run interactions on stages and in breakouts.
  const choices = () => sessions()?.items.filter((s) => s.kind === "stage" || s.kind === "breakout") ?? [];
  const titleOf = (s: AdminSession) => textIn(s.title, language(), props.event.languages);
  const [chosen, setChosen] = createSignal<string>();
  const sessionId = () => chosen() ?? choices()[0]?.id;
  const [items, { refetch, mutate }] = createResource(sessionId, (id) =>
    adminApi<{ items: PreparedInteraction[] }>(prepPath(id)),
  );
  const [editing, setEditing] = createSignal<Editing>();
  const [deleting, setDeleting] = createSignal<PreparedInteraction>();
  const [busy, setBusy] = createSignal(false);
  const [message, setMessage] = createSignal("");
  const [error, setError] = createSignal("");
  const canWrite = () => has(props.workspace, "interactions:write");
  const list = () => (items.state === "errored" ? undefined : items.latest?.items);
  let listHeading: HTMLHeadingElement | undefined;
  createEffect(on(sessionId, () => setEditing(undefined), { defer: true }));

  /** After the list changes, focus goes to this item's control (or the list heading when it is gone). */
  const focusAfter = (id: string | undefined, action: string) =>
    queueMicrotask(() => {
      const row = id ? document.querySelector(`[data-prepared-id="${CSS.escape(id)}"]`) : null;
      const button = row?.querySelector<HTMLButtonElement>(`button[data-action="${action}"]:not(:disabled)`);
      (button ?? row?.querySelector<HTMLButtonElement>("button:not(:disabled)") ?? listHeading)?.focus();
    });

  async function saved(item: PreparedInteraction, how: "created" | "saved") {
    setEditing(undefined);
    setMessage(
      ta(how === "created" ? "admin.interactions.created" : "admin.interactions.saved", { title: titleOfItem(item) }),
    );
    await refetch();
    focusAfter(item.id, "edit");
  }

  async function remove(item: PreparedInteraction) {
    const id = sessionId();
    if (!id) return;
    setBusy(true);
    setError("");
    try {
      await adminDelete(`${prepPath(id)}/${encodeURIComponent(item.id)}`);
      setMessage(ta("admin.interactions.deleted", { title: titleOfItem(item) }));
      await refetch();
      focusAfter(undefined, "");
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  async function move(item: PreparedInteraction, by: -1 | 1) {
    const id = sessionId();
    const current = list();
    if (!id || !current) return;
    const ids = current.map((i) => i.id);
    const from = ids.indexOf(item.id);
    const to = from + by;
    if (from < 0 || to < 0 || to >= ids.length) return;
    [ids[from], ids[to]] = [ids[to]!, ids[from]!];
    setBusy(true);
    setError("");
    try {
      const out = await adminPost<{ items: PreparedInteraction[] }>(`${prepPath(id)}/reorder`, { ids });
      mutate(out);
      setMessage(ta("admin.interactions.moved", { title: titleOfItem(item), position: to + 1 }));
      focusAfter(item.id, by < 0 ? "up" : "down");
    } catch (err) {
      setError(errorText(err));
      await refetch();
    } finally {
      setBusy(false);
    }
  }

  const sessionTitle = () => {
    const s = choices().find((c) => c.id === sessionId());
    return s ? titleOf(s) : "";
  };
  return (
    <section class="card" aria-labelledby="interactions-heading">
      <h2 id="interactions-heading">{ta("admin.interactions.heading")}</h2>
      <p>{ta("admin.interactions.intro")}</p>
      <Show when={!canWrite()}>
        <p class="muted">{ta("admin.interactions.readOnly")}</p>
      </Show>
      <ListStatus
        error={sessions.error}
        loading={sessions.loading}
        empty={!sessions.loading && choices().length === 0}
        emptyMessage="admin.interactions.noSessions"
      />
      <Show when={choices().length > 0}>
        <div class="field">
          <label for="prep-session">{ta("admin.interactions.session")}</label>
          <select id="prep-session" value={sessionId()} onChange={(e) => setChosen(e.currentTarget.value)}>
            <For each={choices()}>{(s) => <option value={s.id}>{titleOf(s)}</option>}</For>
          </select>
        </div>
        <h3 id="prep-list-heading" ref={listHeading} tabindex="-1">
          {ta("admin.interactions.listHeading", { session: sessionTitle() })}
        </h3>
        <ListStatus
          error={items.error}
          loading={!list() && items.loading}
          empty={list()?.length === 0}
          emptyMessage="admin.interactions.none"
        />
        <PreparedList
          items={list() ?? []}
          canWrite={canWrite()}
          busy={busy()}
          onEdit={(item) => setEditing({ kind: item.kind, item })}
          onDelete={(item) => setDeleting(item)}
          onMove={(item, by) => void move(item, by)}
        />
        <p role="status">{message()}</p>
        <Show when={error()}>
          <p role="alert">{error()}</p>
        </Show>
        <Show when={canWrite()}>
          <Show
            when={editing()}
            keyed
            fallback={
              <div class="prep-new">
                <For each={PreparedKinds}>
                  {(kind) => (
                    <button type="button" onClick={() => setEditing({ kind })}>
                      {ta(`admin.interactions.new.${kind}`)}
                    </button>
                  )}
                </For>
              </div>
            }
          >
            {(edit) => (
              <ItemEditor
                sessionId={sessionId()!}
                kind={edit.kind}
                otherLanguages={props.event.languages.slice(1)}
                {...(edit.item ? { item: edit.item } : {})}
                onSaved={(item, how) => void saved(item, how)}
                onCancel={() => {
                  setEditing(undefined);
                  focusAfter(edit.item?.id, "edit");
                }}
              />
            )}
          </Show>
        </Show>
      </Show>
      <ConfirmDialog
        open={deleting() !== undefined}
        title={ta("admin.interactions.confirmDelete.title", { title: deleting() ? titleOfItem(deleting()!) : "" })}
        body={ta("admin.interactions.confirmDelete.body")}
        confirm={ta("admin.interactions.confirmDelete.ok")}
        cancel={ta("admin.confirm.cancel")}
        onConfirm={() => {
          const item = deleting();
          setDeleting(undefined);
          if (item) void remove(item);
        }}
        onCancel={() => setDeleting(undefined)}
      />
    </section>
  );
}
