import { createResource, createSignal, Show } from "solid-js";
import type { PasskeyView, RenamePasskeyRequest } from "../../../../core/contract/organizers";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { adminApi, adminDelete, adminPatch, fieldError } from "../api";
import { errorText } from "../errors";
import { itemsOf } from "../format";
import { ta, when } from "../i18n";
import { addPasskey, passkeyProblem, passkeysAvailable } from "../passkeys";
import { AdminTable, ListStatus } from "./AdminTable";

const path = (p: PasskeyView) => `/api/admin/auth/passkeys/${encodeURIComponent(p.id)}`;

/**
 * My sign-ins › Passkeys: the person's passkeys (name, added, last used), a form to add one on
 * this device, and per passkey rename (in the row) and remove (after an in-page confirmation).
 * Errors appear next to the control that caused them.
 */
export function PasskeysSection() {
  const [passkeys, { refetch }] = createResource(async () =>
    itemsOf(await adminApi<{ items: PasskeyView[] } | PasskeyView[]>("/api/admin/auth/passkeys")),
  );
  const [notice, setNotice] = createSignal("");
  const [addError, setAddError] = createSignal<string>();
  const [adding, setAdding] = createSignal(false);
  const [renaming, setRenaming] = createSignal<string>();
  const [renameError, setRenameError] = createSignal<string>();
  const [removing, setRemoving] = createSignal<PasskeyView>();
  const [rowError, setRowError] = createSignal<{ id: string; message: string }>();
  let nameInput: HTMLInputElement | undefined;
  let heading: HTMLHeadingElement | undefined;

  async function add(e: SubmitEvent) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const name = String(new FormData(form).get("name") ?? "").trim();
    setAddError(undefined);
    setNotice("");
    if (!name) {
      setAddError(ta("admin.passkeys.nameRequired"));
      nameInput?.focus();
      return;
    }
    setAdding(true);
    try {
      const added = await addPasskey(name);
      form.reset();
      setNotice(ta("admin.passkeys.added", { name: added.name }));
      await refetch();
    } catch (err) {
      const problem = passkeyProblem(err);
      setAddError(
        fieldError(err, "name") ??
          (problem === "cancelled"
            ? ta("admin.passkeys.cancelled")
            : problem === "already"
              ? ta("admin.passkeys.already")
              : problem === "invalid"
                ? ta("admin.passkeys.addFailed")
                : errorText(err)),
      );
      nameInput?.focus();
    } finally {
      setAdding(false);
    }
  }

  function startRename(p: PasskeyView) {
    setRenameError(undefined);
    setRowError(undefined);
    // The name field takes focus as it appears (its ref).
    setRenaming(p.id);
  }

  function stopRename(p: PasskeyView) {
    setRenaming(undefined);
    setRenameError(undefined);
    queueMicrotask(() => document.getElementById(`passkey-rename-button-${p.id}`)?.focus());
  }

  async function rename(e: SubmitEvent, p: PasskeyView) {
    e.preventDefault();
    const name = String(new FormData(e.currentTarget as HTMLFormElement).get("name") ?? "").trim();
    setRenameError(undefined);
    if (!name) {
      setRenameError(ta("admin.passkeys.nameRequired"));
      return;
    }
    try {
      const renamed = await adminPatch<PasskeyView>(path(p), { name } satisfies RenamePasskeyRequest);
      setNotice(ta("admin.passkeys.renamed", { name: renamed.name }));
      await refetch();
      stopRename(p);
    } catch (err) {
      setRenameError(fieldError(err, "name") ?? errorText(err));
      document.getElementById(`passkey-rename-${p.id}`)?.focus();
    }
  }

  async function remove(p: PasskeyView) {
    setRowError(undefined);
    try {
      await adminDelete(path(p));
      setNotice(ta("admin.passkeys.removed", { name: p.name }));
      await refetch();
      // The row (and its Remove button) is gone: focus goes to what stays.
      heading?.focus();
    } catch (err) {
      setRowError({ id: p.id, message: errorText(err) });
    }
  }

  return (
    <section class="card" aria-labelledby="passkeys-heading">
      <h2 id="passkeys-heading" ref={heading} tabindex="-1">
        {ta("admin.passkeys.heading")}
      </h2>
      <p class="muted">{ta("admin.passkeys.intro")}</p>
      <p role="status" class="notice">
        {notice()}
      </p>
      <ListStatus
        error={passkeys.error}
        loading={passkeys.loading && !passkeys.latest}
        empty={passkeys.latest?.length === 0}
        emptyMessage="admin.passkeys.none"
      />
      <AdminTable
        caption="admin.passkeys.caption"
        columns={["admin.col.name", "admin.col.added", "admin.col.lastUsed", "admin.col.actions"]}
        rows={passkeys.latest}
      >
        {(p) => (
          <tr data-passkey={p.id}>
            <th scope="row">
              <Show when={renaming() === p.id} fallback={p.name}>
                <form
                  class="passkey-rename"
                  onSubmit={(e) => void rename(e, p)}
                  onKeyDown={(e) => e.key === "Escape" && stopRename(p)}
                  novalidate
                >
                  <label for={`passkey-rename-${p.id}`} class="visually-hidden">
                    {ta("admin.passkeys.renameLabel", { name: p.name })}
                  </label>
                  <input
                    id={`passkey-rename-${p.id}`}
                    name="name"
                    value={p.name}
                    maxLength={60}
                    required
                    ref={(el) => queueMicrotask(() => el.focus())}
                    aria-invalid={renameError() ? "true" : undefined}
                    aria-describedby={renameError() ? `passkey-rename-${p.id}-error` : undefined}
                  />
                  <button type="submit">{ta("admin.save")}</button>
                  <button type="button" class="secondary" onClick={() => stopRename(p)}>
                    {ta("admin.confirm.cancel")}
                  </button>
                  <Show when={renameError()}>
                    <p id={`passkey-rename-${p.id}-error`} class="field-error">
                      {renameError()}
                    </p>
                  </Show>
                </form>
              </Show>
            </th>
            <td>{when(p.createdAt)}</td>
            <td>{p.lastUsedAt ? when(p.lastUsedAt) : ta("admin.passkeys.never")}</td>
            <td class="actions" role="group" aria-label={ta("admin.actionsFor", { name: p.name })}>
              <Show when={renaming() !== p.id}>
                <button
                  type="button"
                  class="secondary"
                  id={`passkey-rename-button-${p.id}`}
                  onClick={() => startRename(p)}
                >
                  {ta("admin.passkeys.rename")}
                </button>
              </Show>
              <button
                type="button"
                class="danger"
                onClick={() => setRemoving(p)}
                aria-describedby={rowError()?.id === p.id ? `passkey-${p.id}-error` : undefined}
              >
                {ta("admin.passkeys.remove")}
              </button>
              <Show when={rowError()?.id === p.id}>
                <p id={`passkey-${p.id}-error`} class="field-error" role="alert">
                  {rowError()?.message}
                </p>
              </Show>
            </td>
          </tr>
        )}
      </AdminTable>
      <Show when={passkeysAvailable()} fallback={<p class="muted">{ta("admin.passkeys.unsupported")}</p>}>
        <form onSubmit={(e) => void add(e)} novalidate>
          <div class="field">
            <label for="passkey-name">{ta("admin.passkeys.name")}</label>
            <input
              ref={nameInput}
              id="passkey-name"
              name="name"
              required
              maxLength={60}
              autocomplete="off"
              aria-invalid={addError() ? "true" : undefined}
              aria-describedby={addError() ? "passkey-name-hint passkey-name-error" : "passkey-name-hint"}
            />
            <p id="passkey-name-hint" class="muted">
              {ta("admin.passkeys.nameHint")}
            </p>
            <Show when={addError()}>
              <p id="passkey-name-error" class="field-error" role="alert">
                {addError()}
              </p>
            </Show>
          </div>
          <button type="submit" disabled={adding()}>
            {ta("admin.passkeys.add")}
          </button>
        </form>
      </Show>
      <ConfirmDialog
        open={removing() !== undefined}
        title={ta("admin.passkeys.confirmRemove.title", { name: removing()?.name ?? "" })}
        body={ta("admin.passkeys.confirmRemove.body")}
        confirm={ta("admin.passkeys.confirmRemove.ok")}
        cancel={ta("admin.confirm.cancel")}
        onConfirm={() => {
          const p = removing();
          setRemoving(undefined);
          if (p) void remove(p);
        }}
        onCancel={() => setRemoving(undefined)}
      />
    </section>
  );
}
