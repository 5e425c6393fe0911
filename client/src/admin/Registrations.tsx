import { createResource, createSignal, For, lazy, Show } from "solid-js";
import type { AdminEvent, AdminRegistration, Page, RegistrationPage } from "../../../core/contract/index";
import { InvitationStates } from "../../../core/contract/index";
import type { InvitationBatchRequest } from "../../../core/contract/imports";
import { Roles, type Role } from "../../../core/protocol/identity";
import { ConfirmDialog } from "../components/ConfirmDialog";
import type { Controls } from "./access";
import { adminApi } from "./api";
import { errorText } from "./errors";
import { textIn } from "../../../core/protocol/localized";
import { language } from "../i18n";
import { ta, when } from "./i18n";
import { recentWork } from "./event/imports/recent";
import { SendInvitations } from "./event/imports/SendInvitations";

// Papa Parse and the import steps load only for those who may import, when the tab opens.
const ImportPanel = lazy(() => import("./event/imports/ImportPanel"));
const INVITATION_FILTERS = ["none", ...InvitationStates] as const;

interface ScheduleResult {
  queued: number;
  rescheduled: number;
  skipped: { alreadySent: number; inFlight: number; revoked: number };
}

/**
 * Registrations with their invitation state, search, and the per-person actions. A viewer sees
 * the same table without the controls their role may not use.
 */
export function Registrations(props: { event: AdminEvent; controls: Controls }) {
  const canEdit = () => props.controls.editRegistrations;
  const canSend = () => props.controls.sendInvitations;
  const [filter, setFilter] = createSignal<InvitationBatchRequest>({});
  const work = recentWork(() => props.event.id);
  const [extra, setExtra] = createSignal<AdminRegistration[]>([]);
  const [notice, setNotice] = createSignal("");
  // Sending to everyone cannot be undone (e-mails leave at once), so it asks first.
  const [confirmingSendAll, setConfirmingSendAll] = createSignal(false);
  const base = () => `/api/admin/events/${encodeURIComponent(props.event.id)}`;
  // The list's filter as a query string: the same filter "send to these N" sends to.
  const filterQuery = (f: InvitationBatchRequest) =>
    Object.entries(f)
      .filter(([, v]) => v)
      .map(([k, v]) => `&${k}=${encodeURIComponent(v)}`)
      .join("");
  const [page, { refetch }] = createResource(
    () => ({ id: props.event.id, f: filter() }),
    (s) => {
      setExtra([]);
      return adminApi<RegistrationPage>(
        `/api/admin/events/${encodeURIComponent(s.id)}/registrations?limit=50${filterQuery(s.f)}`,
      );
    },
  );
  const [cursor, setCursor] = createSignal<string | null>(null);
  const nextCursor = () => cursor() ?? page()?.nextCursor ?? null;
  const rows = () => [...(page()?.items ?? []), ...extra()];

  async function more() {
    const next = await adminApi<Page<AdminRegistration>>(
      `${base()}/registrations?limit=50&cursor=${nextCursor()}${filterQuery(filter())}`,
    );
    setExtra([...extra(), ...next.items]);
    setCursor(next.nextCursor ?? "");
  }

  async function act(work: () => Promise<string>) {
    try {
      setNotice(await work());
    } catch (err) {
      setNotice(errorText(err));
    }
    setCursor(null);
    await refetch();
  }

  const scheduled = (r: ScheduleResult) =>
    ta("admin.result.scheduled", {
      queued: r.queued,
      rescheduled: r.rescheduled,
      skipped: r.skipped.alreadySent + r.skipped.inFlight + r.skipped.revoked,
    });
  const post = <T,>(path: string, body: unknown = {}) =>
    adminApi<T>(path, { method: "POST", body: JSON.stringify(body) });

  return (
    <>
      <section class="card" aria-labelledby="registrations-heading">
        <h2 id="registrations-heading">{ta("admin.tab.registrations")}</h2>
        <form
          class="toolbar registration-filters"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            setCursor(null);
            const data = new FormData(e.currentTarget);
            const value = (name: string) => String(data.get(name) ?? "").trim();
            // Only what is set: an empty choice means "any", and the server refuses an empty role.
            const chosen = { q: value("q"), role: value("role"), invitation: value("invitation") };
            setFilter(Object.fromEntries(Object.entries(chosen).filter(([, v]) => v !== "")));
          }}
        >
          <div class="field">
            <label for="admin-search">{ta("admin.search.label")}</label>
            <input id="admin-search" name="q" type="search" maxLength={100} />
          </div>
          <div class="field">
            <label for="admin-filter-role">{ta("admin.imports.filter.role")}</label>
            <select id="admin-filter-role" name="role" onChange={(e) => e.currentTarget.form?.requestSubmit()}>
              <option value="">{ta("admin.imports.filter.anyRole")}</option>
              <For each={Roles}>{(role) => <option value={role}>{ta(`admin.role.${role}`)}</option>}</For>
            </select>
          </div>
          <div class="field">
            <label for="admin-filter-invitation">{ta("admin.imports.filter.invitation")}</label>
            <select
              id="admin-filter-invitation"
              name="invitation"
              onChange={(e) => e.currentTarget.form?.requestSubmit()}
            >
              <option value="">{ta("admin.imports.filter.anyInvitation")}</option>
              <For each={INVITATION_FILTERS}>
                {(state) => <option value={state}>{ta(`admin.imports.filter.${state}`)}</option>}
              </For>
            </select>
          </div>
          <button type="submit">{ta("admin.search.submit")}</button>
          <Show when={canSend()}>
            <button type="button" onClick={() => setConfirmingSendAll(true)}>
              {ta("admin.sendAll")}
            </button>
          </Show>
        </form>
        <SendInvitations
          eventId={props.event.id}
          count={page.loading ? undefined : page()?.invitable}
          filter={filter()}
          canSend={canSend()}
          batches={work.batches()}
          onSent={(batch) => {
            work.addBatch(batch);
            setCursor(null);
            void refetch();
          }}
          onProgress={() => {
            setCursor(null);
            void refetch();
          }}
        />
        <ConfirmDialog
          open={confirmingSendAll()}
          title={ta("admin.confirm.sendAll.title")}
          body={ta("admin.confirm.sendAll.body", {
            event: textIn(props.event.title, language(), props.event.languages),
          })}
          confirm={ta("admin.confirm.sendAll.ok")}
          cancel={ta("admin.confirm.cancel")}
          onConfirm={() => {
            setConfirmingSendAll(false);
            void act(async () => scheduled(await post<ScheduleResult>(`${base()}/invitations`, { when: "now" })));
          }}
          onCancel={() => setConfirmingSendAll(false)}
        />
        <p role="status" class="notice">
          {notice()}
        </p>
        <Show when={page()}>{(p) => <p class="muted">{ta("admin.total", { count: p().total })}</p>}</Show>
        <div class="table-scroll">
          <table class="admin-table">
            <caption class="visually-hidden">{ta("admin.tab.registrations")}</caption>
            <thead>
              <tr>
                <th scope="col">{ta("admin.col.name")}</th>
                <th scope="col">{ta("admin.col.email")}</th>
                <th scope="col">{ta("admin.col.role")}</th>
                <th scope="col">{ta("admin.col.invitation")}</th>
                <th scope="col">{ta("admin.col.link")}</th>
                <Show when={canEdit() || canSend()}>
                  <th scope="col">{ta("admin.col.actions")}</th>
                </Show>
              </tr>
            </thead>
            <tbody>
              <For each={rows()}>
                {(r) => (
                  <tr data-registration={r.id}>
                    <th scope="row">{r.name}</th>
                    <td>{r.email}</td>
                    <td>
                      <Show when={canEdit()} fallback={ta(`admin.role.${r.role}`)}>
                        <label class="visually-hidden" for={`role-${r.id}`}>
                          {ta("admin.roleOf", { name: r.name })}
                        </label>
                        <select
                          id={`role-${r.id}`}
                          value={r.role}
                          onChange={(e) => {
                            const role = e.currentTarget.value as Role;
                            void act(async () => {
                              await adminApi(`${base()}/registrations/${r.id}`, {
                                method: "PATCH",
                                body: JSON.stringify({ role }),
                              });
                              return ta("admin.result.role", { name: r.name, role: ta(`admin.role.${role}`) });
                            });
                          }}
                        >
                          <For each={Roles}>{(role) => <option value={role}>{ta(`admin.role.${role}`)}</option>}</For>
                        </select>
                      </Show>
                    </td>
                    <td
                      class={r.invitation?.state === "failed" ? "state-failed" : undefined}
                      data-state={r.invitation?.state ?? "none"}
                    >
                      <InvitationState registration={r} />
                    </td>
                    <td>
                      {r.linkStatus === "active"
                        ? ta("admin.link.active", { version: r.linkVersion })
                        : ta("admin.link.revoked")}
                    </td>
                    <Show when={canEdit() || canSend()}>
                      <td class="actions" role="group" aria-label={ta("admin.actionsFor", { name: r.name })}>
                        <Show when={canSend()}>
                          <button
                            type="button"
                            onClick={() =>
                              act(async () =>
                                scheduled(
                                  await post<ScheduleResult>(`${base()}/invitations`, {
                                    when: "now",
                                    registrationIds: [r.id],
                                    resend: true,
                                  }),
                                ),
                              )
                            }
                          >
                            {ta("admin.action.send")}
                          </button>
                        </Show>
                        <Show when={canEdit()}>
                          <button
                            type="button"
                            onClick={() => {
                              if (!confirm(ta("admin.confirm.rotate", { name: r.name }))) return;
                              void act(async () => {
                                await post(`${base()}/registrations/${r.id}/link/rotate`, { sendInvitation: true });
                                return ta("admin.result.rotated", { name: r.name });
                              });
                            }}
                          >
                            {ta("admin.action.rotate")}
                          </button>
                          <Show when={r.linkStatus === "active"}>
                            <button
                              type="button"
                              onClick={() => {
                                if (!confirm(ta("admin.confirm.revoke", { name: r.name }))) return;
                                void act(async () => {
                                  await post(`${base()}/registrations/${r.id}/link/revoke`);
                                  return ta("admin.result.revoked", { name: r.name });
                                });
                              }}
                            >
                              {ta("admin.action.revoke")}
                            </button>
                          </Show>
                        </Show>
                      </td>
                    </Show>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
        <Show when={nextCursor()}>
          <button type="button" onClick={more}>
            {ta("admin.more")}
          </button>
        </Show>
      </section>
      <Show when={canEdit()}>
        <ImportPanel
          event={props.event}
          jobs={work.jobs()}
          onStarted={work.addJob}
          onFinished={() => {
            setCursor(null);
            void refetch();
          }}
        />
      </Show>
    </>
  );
}

function InvitationState(props: { registration: AdminRegistration }) {
  const inv = () => props.registration.invitation;
  return (
    <Show when={inv()} fallback={ta("admin.state.none")}>
      {(i) => (
        <>
          {i().state === "queued"
            ? ta("admin.state.queued", { due: when(i().dueAt) })
            : i().state === "sending"
              ? ta("admin.state.sending")
              : i().state === "sent"
                ? ta("admin.state.sent", { at: when(i().sentAt ?? i().dueAt) })
                : ta("admin.state.failed", { error: i().lastError ?? "" })}
          <Show when={i().attempts > 1}>
            <br />
            <span class="muted">{ta("admin.attempts", { count: i().attempts })}</span>
          </Show>
        </>
      )}
    </Show>
  );
}
