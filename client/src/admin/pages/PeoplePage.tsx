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
import { errorText } from "../errors";
import { itemsOf } from "../format";
import { ta, when } from "../i18n";
import type { PageProps } from "../page-props";
import { AdminTable, ListStatus } from "./AdminTable";
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
  return errorText(err);
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
  // A role picked in a row's select, not yet saved: changing a role takes the Save button, so a
  // stray arrow key on the select changes nothing.
  const [pendingRoles, setPendingRoles] = createSignal<Record<string, OrganizerRole>>({});
  // The signed-in owner's change of their own role, waiting for them to confirm it.
  const [selfRole, setSelfRole] = createSignal<{ member: MemberView; role: OrganizerRole }>();
  const isMe = (m: MemberView) => m.personId === props.me.id;
  const roleShown = (m: MemberView) => pendingRoles()[m.personId] ?? m.role;
  const pickRole = (m: MemberView, role: OrganizerRole) => {
    const { [m.personId]: _, ...rest } = pendingRoles();
    setPendingRoles(role === m.role ? rest : { ...rest, [m.personId]: role });
  };

  const leaving = () => {
    const m = removing();
    return m !== undefined && isMe(m);
  };

  const problemAt = (personId: string, control: RowControl) => {
    const p = problem();
    return p && p.personId === personId && p.control === control ? p.message : undefined;
  };

  /** A new action: what the last one said no longer applies. */
  const startAction = () => {
    setNotice("");
    setProblem(undefined);
  };

  /**
   * Runs one change of a member, then shows the list anew; `afterwards` replaces that for a
   * change to the person's own access (the list may be theirs to read no longer).
   */
  async function change(
    m: MemberView,
    control: RowControl,
    work: () => Promise<string>,
    afterwards?: (said: string) => Promise<void>,
  ): Promise<boolean> {
    startAction();
    let said: string;
    try {
      said = await work();
    } catch (err) {
      setProblem({ personId: m.personId, control, message: problemText(err) });
      return false;
    }
    try {
      if (afterwards) await afterwards(said);
      else {
        setNotice(said);
        await refetch();
      }
    } catch (err) {
      setNotice(said);
      setProblem({ personId: m.personId, control, message: problemText(err) });
    }
    return true;
  }

  async function saveRole(m: MemberView, role: OrganizerRole) {
    const done = await change(
      m,
      "role",
      async () => {
        await update(m, { role });
        return isMe(m)
          ? ta("admin.people.youAreNow", { role: ta(`admin.orgRole.${role}`), workspace: props.workspace.name })
          : ta("admin.people.roleChanged", { name: m.name, role: ta(`admin.orgRole.${role}`) });
      },
      // One's own role: ask the server what one may do now, and show the console as that.
      isMe(m) ? props.onAccessChanged : undefined,
    );
    if (done && !isMe(m)) {
      pickRole(m, m.role);
      // The rows are drawn anew from the server's answer: focus stays on this person's role.
      document.getElementById(`member-role-${m.personId}`)?.focus();
    }
  }

  function requestRole(m: MemberView) {
    const role = roleShown(m);
    if (role === m.role) return;
    // Owners only see this page: any change of one's own role gives up owning the workspace.
    if (isMe(m)) setSelfRole({ member: m, role });
    else void saveRole(m, role);
  }

  /** Opens or closes a row's event limits; focus goes into what opened, or back to its button. */
  function editLimits(m: MemberView, open: boolean) {
    setEditing(open ? { personId: m.personId, value: m.eventIds } : undefined);
    if (open) {
      const fieldset = document.getElementById(`member-events-${m.personId}`);
      fieldset?.querySelector<HTMLInputElement>("input:checked, input")?.focus();
    } else {
      document.getElementById(`member-limits-${m.personId}`)?.focus();
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
        <ListStatus error={members.error} loading={members.loading && !members.latest} />
        <AdminTable
          caption="admin.people.caption"
          columns={[
            "admin.col.name",
            "admin.col.email",
            "admin.col.role",
            "admin.col.events",
            "admin.col.lastSignIn",
            "admin.col.actions",
          ]}
          rows={members.latest}
          showEmpty
        >
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
                <form
                  class="role-change"
                  onSubmit={(e) => {
                    e.preventDefault();
                    requestRole(m);
                  }}
                >
                  <select
                    id={`member-role-${m.personId}`}
                    value={roleShown(m)}
                    aria-invalid={problemAt(m.personId, "role") ? "true" : undefined}
                    aria-describedby={problemAt(m.personId, "role") ? `member-role-${m.personId}-error` : undefined}
                    onChange={(e) => pickRole(m, e.currentTarget.value as OrganizerRole)}
                  >
                    <For each={ORGANIZER_ROLES}>{(r) => <option value={r}>{ta(`admin.orgRole.${r}`)}</option>}</For>
                  </select>
                  <Show when={roleShown(m) !== m.role}>
                    <button type="submit" aria-label={ta("admin.people.saveRoleOf", { name: m.name })}>
                      {ta("admin.save")}
                    </button>
                  </Show>
                </form>
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
                        id={`member-limits-${m.personId}`}
                        type="button"
                        class="link"
                        aria-label={ta("admin.people.changeLimitsFor", { name: m.name })}
                        onClick={() => editLimits(m, true)}
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
                        if (done) editLimits(m, false);
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
                      <button type="button" class="secondary" onClick={() => editLimits(m, false)}>
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
                  aria-describedby={problemAt(m.personId, "remove") ? `member-remove-${m.personId}-error` : undefined}
                  onClick={() => setRemoving(m)}
                >
                  {isMe(m) ? ta("admin.people.leave") : ta("admin.people.remove")}
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
        </AdminTable>
        <ConfirmDialog
          open={removing() !== undefined}
          title={
            leaving()
              ? ta("admin.people.confirmLeave.title", { workspace: props.workspace.name })
              : ta("admin.people.confirmRemove.title", { name: removing()?.name ?? "" })
          }
          body={
            leaving()
              ? ta("admin.people.confirmLeave.body", { workspace: props.workspace.name })
              : ta("admin.people.confirmRemove.body", {
                  name: removing()?.name ?? "",
                  workspace: props.workspace.name,
                })
          }
          confirm={leaving() ? ta("admin.people.confirmLeave.ok") : ta("admin.people.confirmRemove.ok")}
          cancel={ta("admin.confirm.cancel")}
          onConfirm={() => {
            const m = removing();
            setRemoving(undefined);
            if (m)
              void change(
                m,
                "remove",
                async () => {
                  await adminDelete(`${base()}/${encodeURIComponent(m.personId)}`);
                  return isMe(m)
                    ? ta("admin.people.left", { workspace: props.workspace.name })
                    : ta("admin.people.removed", { name: m.name });
                },
                isMe(m) ? props.onAccessChanged : undefined,
              );
          }}
          onCancel={() => setRemoving(undefined)}
        />
        <ConfirmDialog
          open={selfRole() !== undefined}
          title={ta("admin.people.confirmSelf.title")}
          body={ta(
            selfRole()?.role === "viewer" ? "admin.people.confirmSelf.viewer" : "admin.people.confirmSelf.organizer",
            {
              workspace: props.workspace.name,
            },
          )}
          confirm={ta("admin.people.confirmSelf.ok", { role: ta(`admin.orgRole.${selfRole()?.role ?? "organizer"}`) })}
          cancel={ta("admin.confirm.cancel")}
          onConfirm={() => {
            const asked = selfRole();
            setSelfRole(undefined);
            if (asked) void saveRole(asked.member, asked.role);
          }}
          onCancel={() => setSelfRole(undefined)}
        />
      </section>
      <InviteForm
        path={base()}
        events={props.events}
        language={language()}
        onStart={startAction}
        onInvited={async (invite: InviteMemberRequest) => {
          setNotice(ta("admin.people.invited", { name: invite.name, email: invite.email }));
          await refetch();
        }}
      />
    </>
  );
}
