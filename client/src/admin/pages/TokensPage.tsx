import { createResource, createSignal, For, Show } from "solid-js";
import type { ApiTokenView, CreatedApiToken, MemberView } from "../../../../core/contract/organizers";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { adminApi, adminDelete, workspacePath } from "../api";
import { errorText } from "../errors";
import { itemsOf } from "../format";
import { ta, when } from "../i18n";
import type { PageProps } from "../page-props";
import { AdminTable, ListStatus } from "./AdminTable";
import { NewToken } from "./NewToken";
import { TokenSecret } from "./TokenSecret";

/** API tokens (owners only): make one for an integration, see when it was used, revoke it. */
export default function TokensPage(props: PageProps) {
  const base = () => `${workspacePath(props.workspace.id)}/tokens`;
  const [tokens, { refetch }] = createResource(
    () => props.workspace.id,
    async () => itemsOf(await adminApi<{ items: ApiTokenView[] } | ApiTokenView[]>(base())),
  );
  // Only to name who made a token; the table still shows without it.
  const [members] = createResource(
    () => props.workspace.id,
    async (id): Promise<MemberView[]> => {
      try {
        return itemsOf(await adminApi<{ items: MemberView[] } | MemberView[]>(`${workspacePath(id)}/members`));
      } catch {
        return [];
      }
    },
  );
  const [created, setCreated] = createSignal<CreatedApiToken>();
  const [revoking, setRevoking] = createSignal<ApiTokenView>();
  const [notice, setNotice] = createSignal("");
  const [revokeError, setRevokeError] = createSignal<{ id: string; message: string }>();

  const creatorName = (createdBy: string) => members()?.find((m) => m.personId === createdBy)?.name ?? createdBy;
  const status = (t: ApiTokenView) =>
    t.revokedAt
      ? ta("admin.tokens.revokedAt", { at: when(t.revokedAt) })
      : t.expiresAt && Date.parse(t.expiresAt) <= Date.now()
        ? ta("admin.tokens.expired")
        : ta("admin.tokens.active");

  async function revoke(t: ApiTokenView) {
    setRevokeError(undefined);
    try {
      await adminDelete(`${base()}/${encodeURIComponent(t.id)}`);
      setNotice(ta("admin.tokens.revoked", { name: t.name }));
      await refetch();
    } catch (err) {
      setRevokeError({ id: t.id, message: errorText(err) });
    }
  }

  return (
    <>
      <Show
        when={created()}
        fallback={
          <NewToken
            path={base()}
            onCreated={async (c) => {
              setCreated(c);
              await refetch();
            }}
          />
        }
      >
        {(c) => <TokenSecret created={c()} onDone={() => setCreated(undefined)} />}
      </Show>
      <section class="card" aria-labelledby="tokens-heading">
        <h1 id="tokens-heading">{ta("admin.tokens.heading", { workspace: props.workspace.name })}</h1>
        <p role="status" class="notice">
          {notice()}
        </p>
        <ListStatus
          error={tokens.error}
          // "No tokens" not while a new token's secret is shown: the list may not have caught up with it yet.
          empty={tokens.latest?.length === 0 && !created()}
          emptyMessage="admin.tokens.none"
        />
        <AdminTable
          caption="admin.tokens.caption"
          columns={[
            "admin.col.name",
            "admin.col.scopes",
            "admin.col.createdBy",
            "admin.col.lastUsed",
            "admin.col.expires",
            "admin.col.status",
            "admin.col.actions",
          ]}
          rows={tokens.latest}
        >
          {(t) => (
            <tr data-token={t.id} data-revoked={t.revokedAt ? "true" : "false"}>
              <th scope="row">{t.name}</th>
              <td>
                <ul class="scope-list">
                  <For each={t.scopes}>
                    {(s) => (
                      <li>
                        <code>{s}</code>
                      </li>
                    )}
                  </For>
                </ul>
              </td>
              <td>
                {creatorName(t.createdBy)}
                <br />
                <time class="muted" datetime={t.createdAt}>
                  {when(t.createdAt)}
                </time>
              </td>
              <td>{t.lastUsedAt ? when(t.lastUsedAt) : ta("admin.tokens.neverUsed")}</td>
              <td>{t.expiresAt ? when(t.expiresAt) : ta("admin.tokens.noExpiry")}</td>
              <td>{status(t)}</td>
              <td class="actions" role="group" aria-label={ta("admin.actionsFor", { name: t.name })}>
                <Show when={!t.revokedAt}>
                  <button
                    type="button"
                    class="danger"
                    aria-describedby={revokeError()?.id === t.id ? `token-${t.id}-error` : undefined}
                    onClick={() => setRevoking(t)}
                  >
                    {ta("admin.tokens.revoke")}
                  </button>
                </Show>
                <Show when={revokeError()?.id === t.id && revokeError()}>
                  {(e) => (
                    <p id={`token-${t.id}-error`} class="field-error" role="alert">
                      {e().message}
                    </p>
                  )}
                </Show>
              </td>
            </tr>
          )}
        </AdminTable>
        <ConfirmDialog
          open={revoking() !== undefined}
          title={ta("admin.tokens.confirmRevoke.title", { name: revoking()?.name ?? "" })}
          body={ta("admin.tokens.confirmRevoke.body")}
          confirm={ta("admin.tokens.confirmRevoke.ok")}
          cancel={ta("admin.confirm.cancel")}
          onConfirm={() => {
            const t = revoking();
            setRevoking(undefined);
            if (t) void revoke(t);
          }}
          onCancel={() => setRevoking(undefined)}
        />
      </section>
    </>
  );
}
