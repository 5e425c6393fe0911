import { createResource, createSignal, For, Show } from "solid-js";
import {
  type InviteMemberRequest,
  type MemberView,
  ORGANIZER_ROLES,
  type OrganizerRole,
  type UpdateMemberRequest,
} from "../../../../core/contract/organizers";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { language } from "../../i18n";
import { ApiFailure } from "../../lib/api";
import { adminApi, adminDelete, adminPatch, workspacePath } from "../api";
import { itemsOf } from "../format";
import { ta, when } from "../i18n";
import type { PageProps } from "../page-props";
import { EventChoice, limitText } from "./EventChoice";
import { InviteForm } from "./InviteForm";

/** Where a row's failed change is shown: next to the control that made it. */
type RowControl = "role" | "limits" | "remove";
interface RowProblem {
  personId: string;
  control: RowControl;
  message: string;
}

/** The server's 409 for the last owner reads as our own sentence; anything else as it came. */
function problemText(err: unknown): string {
  if (err instanceof ApiFailure && err.status === 409) return ta("admin.people.lastOwner");
  return ta("admin.failed", { reason: (err as Error).message });
}

/** People (owners only): the workspace's members, invitations, roles, event limits, removal. */
export default function PeoplePage(props: PageProps) {
  const base = () => `${workspacePath(props.workspace.id)}/members`;
  const [members, { refetch }] = createResource(
    () => props.workspace.id,
    async () => itemsOf(await adminApi<{ items: MemberView[] } | MemberView[]>(base())),
  );
  const [notice, setNotice] = createSignal("");
  const [problem, setProblem] = createSignal<RowProblem>();
  const [editing, setEditing] = createSignal<{ personId: string; value: string[] | null }>();
  const [removing, setRemoving] = createSignal<MemberView>();

  const problemAt = (personId: string, control: RowControl) => {
    const p = problem();
    return p && p.personId === personId && p.control === control ? p.message : undefined;
  };

  async function change(m: MemberView, control: RowControl, work: () => Promise<string>): Promise<boolean> {
    setProblem(undefined);
    try {
      setNotice(await work());
      await refetch();
      return true;
    } catch (err) {
      setProblem({ personId: m.personId, control, message: problemText(err) });
      return false;
    }
  }

  const update = (m: MemberView, body: UpdateMemberRequest) =>
    adminPatch(`${base()}/${encodeURIComponent(m.personId)}`, body);

  return (
    <>
      <section class="card" aria-labelledby="people-heading">
        <h1 id="people-heading">{ta("admin.people.heading", { workspace: props.workspace.name })}</h1>
        <p role="status" class="notice">
          {notice()}
        </p>
        <Show when={members.error}>
          <p role="alert">{ta("admin.failed", { reason: (members.error as Error).message })}</p>
        </Show>
        <Show when={members.loading && !members.latest}>
          <p role="status">{ta("admin.loading")}</p>
        </Show>
        <div class="table-scroll">
          <table class="admin-table">
            <caption class="visually-hidden">{ta("admin.people.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{ta("admin.col.name")}</th>
                <th scope="col">{ta("admin.col.email")}</th>
                <th scope="col">{ta("admin.col.role")}</th>
                <th scope="col">{ta("admin.col.events")}</th>
                <th scope="col">{ta("admin.col.lastSignIn")}</th>
                <th scope="col">{ta("admin.col.actions")}</th>
              </tr>
            </thead>
            <tbody>
              <For each={members.latest ?? []}>
                {(m) => (
                  <tr data-person={m.personId}>
                    <th scope="row">
                      {m.name}
                      <Show when={m.personId === props.me.id}>
                        {" "}
                        <span class="muted">{ta("admin.people.you")}</span>
                      </Show>
                    </th>
                    <td>{m.email}</td>
                    <td>
                      <label class="visually-hidden" for={`member-role-${m.personId}`}>
                        {ta("admin.people.roleOf", { name: m.name })}
                      </label>
                      <select
                        id={`member-role-${m.personId}`}
                        value={m.role}
                        aria-invalid={problemAt(m.personId, "role") ? "true" : undefined}
                        aria-describedby={problemAt(m.personId, "role") ? `member-role-${m.personId}-error` : undefined}
                        onChange={async (e) => {
                          const select = e.currentTarget;
                          const role = select.value as OrganizerRole;
                          const done = await change(m, "role", async () => {
                            await update(m, { role });
                            return ta("admin.people.roleChanged", { name: m.name, role: ta(`admin.orgRole.${role}`) });
                          });
                          // Refused (the last owner): the control shows what is still true.
                          if (!done) select.value = m.role;
                        }}
                      >
                        <For each={ORGANIZER_ROLES}>{(r) => <option value={r}>{ta(`admin.orgRole.${r}`)}</option>}</For>
                      </select>
                      <Show when={problemAt(m.personId, "role")}>
                        {(message) => (
                          <p id={`member-role-${m.personId}-error`} class="field-error">
                            {message()}
                          </p>
                        )}
                      </Show>
                    </td>
                    <td>
                      <Show
                        when={editing()?.personId === m.personId && editing()}
                        fallback={
                          <>
                            <span>{limitText(m.eventIds, props.events)}</span>{" "}
                            <button
                              type="button"
                              class="link"
                              aria-label={ta("admin.people.changeLimitsFor", { name: m.name })}
                              onClick={() => setEditing({ personId: m.personId, value: m.eventIds })}
                            >
                              {ta("admin.people.changeLimits")}
                            </button>
                          </>
                        }
                      >
                        {(edit) => (
                          <form
                            onSubmit={async (e) => {
                              e.preventDefault();
                              const eventIds = edit().value;
                              const done = await change(m, "limits", async () => {
                                await update(m, { eventIds });
                                return ta("admin.people.limitsChanged", { name: m.name });
                              });
                              if (done) setEditing(undefined);
                            }}
                          >
                            <EventChoice
                              id={`member-events-${m.personId}`}
                              legend={ta("admin.people.limitsOf", { name: m.name })}
                              events={props.events}
                              value={edit().value}
                              onChange={(value) => setEditing({ personId: m.personId, value })}
                              error={problemAt(m.personId, "limits")}
                            />
                            <button type="submit">{ta("admin.save")}</button>{" "}
                            <button type="button" class="secondary" onClick={() => setEditing(undefined)}>
                              {ta("admin.confirm.cancel")}
                            </button>
                          </form>
                        )}
                      </Show>
                    </td>
                    <td>
                      {m.lastSignInAt ? (
                        <time datetime={m.lastSignInAt}>{when(m.lastSignInAt)}</time>
                      ) : (
                        <span class="muted">{ta("admin.people.notYet")}</span>
                      )}
                    </td>
                    <td class="actions" role="group" aria-label={ta("admin.actionsFor", { name: m.name })}>
                      <button
                        type="button"
                        class="danger"
                        aria-describedby={
                          problemAt(m.personId, "remove") ? `member-remove-${m.personId}-error` : undefined
                        }
                        onClick={() => setRemoving(m)}
                      >
                        {ta("admin.people.remove")}
                      </button>
                      <Show when={problemAt(m.personId, "remove")}>
                        {(message) => (
                          <p id={`member-remove-${m.personId}-error`} class="field-error" role="alert">
                            {message()}
                          </p>
                        )}
                      </Show>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
        <ConfirmDialog
          open={removing() !== undefined}
          title={ta("admin.people.confirmRemove.title", { name: removing()?.name ?? "" })}
          body={ta("admin.people.confirmRemove.body", {
            name: removing()?.name ?? "",
            workspace: props.workspace.name,
          })}
          confirm={ta("admin.people.confirmRemove.ok")}
          cancel={ta("admin.confirm.cancel")}
          onConfirm={() => {
            const m = removing();
            setRemoving(undefined);
            if (m)
              void change(m, "remove", async () => {
                await adminDelete(`${base()}/${encodeURIComponent(m.personId)}`);
                return ta("admin.people.removed", { name: m.name });
              });
          }}
          onCancel={() => setRemoving(undefined)}
        />
      </section>
      <InviteForm
        path={base()}
        events={props.events}
        language={language()}
        onInvited={async (invite: InviteMemberRequest) => {
          setNotice(ta("admin.people.invited", { name: invite.name, email: invite.email }));
          await refetch();
        }}
      />
    </>
  );
}
