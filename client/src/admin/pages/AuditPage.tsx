import { createResource, createSignal, For, Show } from "solid-js";
import type { AuditEntryView, MemberView } from "../../../../core/contract/organizers";
import { adminApi, workspacePath } from "../api";
import { auditActionLabel } from "../audit-labels";
import { errorText } from "../errors";
import { titleOf } from "../EventsPage";
import { itemsOf, query } from "../format";
import { ta, when } from "../i18n";
import type { PageProps } from "../page-props";
import { AdminTable, ListStatus } from "./AdminTable";

interface AuditPage {
  items: AuditEntryView[];
  nextCursor: string | null;
}

const LIMIT = 50;

/** Who changed what, when and from where, in the chosen workspace; filtered by person and event. */
export default function AuditPage(props: PageProps) {
  const [personId, setPersonId] = createSignal("");
  const [eventId, setEventId] = createSignal("");
  const [extra, setExtra] = createSignal<AuditEntryView[]>([]);
  const [cursor, setCursor] = createSignal<string | null>();
  const [moreError, setMoreError] = createSignal<string>();
  const path = (c?: string | null) =>
    `/api/admin/audit${query({
      workspaceId: props.workspace.id,
      personId: personId(),
      eventId: eventId(),
      cursor: c,
      limit: LIMIT,
    })}`;
  const [first] = createResource(
    () => ({ ws: props.workspace.id, person: personId(), event: eventId() }),
    async () => {
      setExtra([]);
      setCursor(undefined);
      return adminApi<AuditPage>(path());
    },
  );
  // The people to filter by: the members list where the person may read it (owners), else
  // whoever the entries shown so far name.
  const [members] = createResource(
    () => (props.controls.manageWorkspace ? props.workspace.id : false),
    async (id): Promise<MemberView[]> => {
      try {
        return itemsOf(await adminApi<{ items: MemberView[] } | MemberView[]>(`${workspacePath(id)}/members`));
      } catch {
        return [];
      }
    },
  );
  const rows = () => [...(first.latest?.items ?? []), ...extra()];
  const people = () => {
    const known = members();
    if (known && known.length > 0) return known.map((m) => ({ id: m.personId, name: `${m.name} <${m.email}>` }));
    const seen = new Map<string, string>();
    for (const r of rows()) if (r.personId && !seen.has(r.personId)) seen.set(r.personId, r.actor);
    return [...seen].map(([id, name]) => ({ id, name }));
  };
  // A target that is a member reads as their name; anything else (a registration, a token) as it came.
  const targetName = (target: string | null) =>
    (target && members()?.find((m) => m.personId === target)?.name) ?? target ?? "";
  const nextCursor = () => (cursor() === undefined ? (first.latest?.nextCursor ?? null) : cursor());
  const eventName = (id: string | null) => {
    if (!id) return "";
    const e = props.events.find((x) => x.id === id);
    return e ? titleOf(e) : id;
  };

  async function more() {
    setMoreError(undefined);
    try {
      const page = await adminApi<AuditPage>(path(nextCursor()));
      setExtra([...extra(), ...page.items]);
      setCursor(page.nextCursor);
    } catch (err) {
      setMoreError(errorText(err));
    }
  }

  return (
    <section class="card" aria-labelledby="audit-heading">
      <h1 id="audit-heading">{ta("admin.audit.heading", { workspace: props.workspace.name })}</h1>
      <div class="toolbar" role="group" aria-label={ta("admin.audit.filters")}>
        <div class="field">
          <label for="audit-person">{ta("admin.audit.person")}</label>
          <select id="audit-person" value={personId()} onChange={(e) => setPersonId(e.currentTarget.value)}>
            <option value="">{ta("admin.audit.everyone")}</option>
            <For each={people()}>{(p) => <option value={p.id}>{p.name}</option>}</For>
          </select>
        </div>
        <div class="field">
          <label for="audit-event">{ta("admin.audit.event")}</label>
          <select id="audit-event" value={eventId()} onChange={(e) => setEventId(e.currentTarget.value)}>
            <option value="">{ta("admin.audit.allEvents")}</option>
            <For each={props.events}>{(e) => <option value={e.id}>{titleOf(e)}</option>}</For>
          </select>
        </div>
      </div>
      <ListStatus
        error={first.error}
        loading={first.loading}
        empty={!first.loading && rows().length === 0 && !first.error}
        emptyMessage="admin.audit.none"
      />
      <AdminTable
        caption="admin.audit.caption"
        columns={[
          "admin.col.when",
          "admin.col.who",
          "admin.col.action",
          "admin.col.event",
          "admin.col.target",
          "admin.col.ip",
          "admin.col.details",
        ]}
        rows={rows()}
      >
        {(r) => (
          <tr data-audit={r.id}>
            <td>
              <time datetime={r.at}>{when(r.at)}</time>
            </td>
            <td>{r.actor}</td>
            <td data-action={r.action} title={r.action}>
              {auditActionLabel(r.action)}
            </td>
            <td>{eventName(r.eventId)}</td>
            <td data-target={r.target ?? undefined} title={r.target ?? undefined}>
              {targetName(r.target)}
            </td>
            <td>{r.ip ?? ""}</td>
            <td>
              <Show when={Object.keys(r.details ?? {}).length > 0}>
                <details>
                  <summary>{ta("admin.audit.showDetails")}</summary>
                  <pre class="audit-details">{JSON.stringify(r.details, null, 2)}</pre>
                </details>
              </Show>
            </td>
          </tr>
        )}
      </AdminTable>
      <Show when={nextCursor()}>
        <button type="button" onClick={more}>
          {ta("admin.more")}
        </button>
      </Show>
      <p role="alert" class="field-error">
        {moreError()}
      </p>
    </section>
  );
}
