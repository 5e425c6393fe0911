import { createResource, createSignal, Show } from "solid-js";
import type { OrganizerMe, OrganizerSessionView } from "../../../../core/contract/organizers";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { adminApi, adminDelete, adminPost } from "../api";
import { errorText } from "../errors";
import { browserOf, itemsOf } from "../format";
import { ta, when } from "../i18n";
import { AdminTable, ListStatus } from "./AdminTable";
import { PasskeysSection } from "./PasskeysSection";

/** The earlier of the idle and the absolute end: when this sign-in stops working unless used. */
const endsAt = (s: OrganizerSessionView) =>
  Date.parse(s.idleExpiresAt) < Date.parse(s.expiresAt) ? s.idleExpiresAt : s.expiresAt;

/**
 * My sign-ins: every browser this person is signed in on, each revocable, or all at once; then
 * their passkeys.
 */
export default function SessionsPage(props: { me: OrganizerMe; onSignedOut: () => void }) {
  const [sessions, { refetch }] = createResource(async () =>
    itemsOf(await adminApi<{ items: OrganizerSessionView[] } | OrganizerSessionView[]>("/api/admin/auth/sessions")),
  );
  const [everywhere, setEverywhere] = createSignal(false);
  const [notice, setNotice] = createSignal("");
  const [problem, setProblem] = createSignal<string>();

  const describe = (s: OrganizerSessionView) => {
    const b = browserOf(s.userAgent);
    return b ? ta("admin.sessions.browserOn", b) : (s.userAgent ?? ta("admin.sessions.unknownBrowser"));
  };

  async function revoke(s: OrganizerSessionView) {
    setProblem(undefined);
    try {
      await adminDelete(`/api/admin/auth/sessions/${encodeURIComponent(s.id)}`);
      if (s.current) return props.onSignedOut();
      setNotice(ta("admin.sessions.revoked", { browser: describe(s) }));
      await refetch();
    } catch (err) {
      setProblem(errorText(err));
    }
  }

  async function signOutEverywhere() {
    setProblem(undefined);
    try {
      await adminPost("/api/admin/auth/signout-everywhere");
      props.onSignedOut();
    } catch (err) {
      setProblem(errorText(err));
    }
  }

  return (
    <>
      <section class="card" aria-labelledby="sessions-heading">
        <h1 id="sessions-heading">{ta("admin.sessions.heading")}</h1>
        <p class="muted">{ta("admin.sessions.intro", { email: props.me.email ?? props.me.name })}</p>
        <p role="status" class="notice">
          {notice()}
        </p>
        <p role="alert" class="field-error">
          {problem()}
        </p>
        <ListStatus error={sessions.error} loading={sessions.loading && !sessions.latest} />
        <AdminTable
          caption="admin.sessions.caption"
          columns={[
            "admin.col.browser",
            "admin.col.ip",
            "admin.col.signedIn",
            "admin.col.lastSeen",
            "admin.col.expires",
            "admin.col.actions",
          ]}
          rows={sessions.latest}
        >
          {(s) => (
            <tr data-session={s.id} data-current={s.current ? "true" : "false"}>
              <th scope="row">
                <span title={s.userAgent ?? undefined}>{describe(s)}</span>
                <Show when={s.current}>
                  {" "}
                  <span class="badge">{ta("admin.sessions.thisBrowser")}</span>
                </Show>
              </th>
              <td>{s.ip ?? ""}</td>
              <td>{when(s.createdAt)}</td>
              <td>{when(s.lastSeenAt)}</td>
              <td>{when(endsAt(s))}</td>
              <td class="actions" role="group" aria-label={ta("admin.actionsFor", { name: describe(s) })}>
                <button type="button" class="secondary" onClick={() => revoke(s)}>
                  {s.current ? ta("admin.sessions.signOutHere") : ta("admin.sessions.revoke")}
                </button>
              </td>
            </tr>
          )}
        </AdminTable>
        <button type="button" class="danger" onClick={() => setEverywhere(true)}>
          {ta("admin.sessions.everywhere")}
        </button>
        <ConfirmDialog
          open={everywhere()}
          title={ta("admin.sessions.confirmEverywhere.title")}
          body={ta("admin.sessions.confirmEverywhere.body")}
          confirm={ta("admin.sessions.confirmEverywhere.ok")}
          cancel={ta("admin.confirm.cancel")}
          onConfirm={() => {
            setEverywhere(false);
            void signOutEverywhere();
          }}
          onCancel={() => setEverywhere(false)}
        />
      </section>
      <PasskeysSection />
    </>
  );
}
