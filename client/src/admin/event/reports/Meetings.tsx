import { Show } from "solid-js";
import type { MeetingsRow } from "../../../../../core/contract/reports";
import { ta } from "../../i18n";
import { AdminTable } from "../../pages/AdminTable";
import { TableHead } from "./Download";
import { count } from "./format";

/** Every meeting of the event: its 1:1 chats and each carousel session's meetings. */
export const meetingsTotal = (rows: readonly MeetingsRow[]) => rows.reduce((sum, m) => sum + m.meetings, 0);

/**
 * Networking: how many 1:1 chats and carousel meetings there were, and how many people met
 * someone, per place. The server always sends the 1:1 row (zeros included), so "nobody met
 * anyone yet" is decided on the total, not on the number of rows.
 */
export function Meetings(props: { eventId: string; rows: MeetingsRow[] }) {
  return (
    <>
      <TableHead
        id="report-meetings"
        title={ta("admin.reports.meetings")}
        eventId={props.eventId}
        report="engagement"
        table="meetings"
        note={ta("admin.reports.meetingsNote")}
      />
      <Show when={meetingsTotal(props.rows) > 0} fallback={<p>{ta("admin.reports.noMeetings")}</p>}>
        <AdminTable
          caption="admin.reports.meetings"
          columns={["admin.reports.col.place", "admin.reports.col.meetings", "admin.reports.col.peopleWhoMet"]}
          rows={props.rows}
        >
          {(m) => (
            <tr data-meetings={m.sessionId ?? "chats"}>
              <th scope="row">{m.sessionId === null ? ta("admin.reports.oneToOneChats") : m.title}</th>
              <td data-col="meetings">{count(m.meetings)}</td>
              <td data-col="people">{count(m.people)}</td>
            </tr>
          )}
        </AdminTable>
      </Show>
    </>
  );
}
