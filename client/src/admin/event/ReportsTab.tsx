import { createResource, createSignal, onCleanup, Show } from "solid-js";
import type { AttendanceReport, EngagementReport } from "../../../../core/contract/reports";
import { textIn } from "../../../../core/protocol/localized";
import { language } from "../../i18n";
import { adminApi } from "../api";
import { ta } from "../i18n";
import { ListStatus } from "../pages/AdminTable";
import { AttendanceSection } from "./reports/AttendanceSection";
import { EngagementSection } from "./reports/EngagementSection";
import { reportPath } from "./reports/format";
import { Summary } from "./reports/Summary";
import type { EventTabProps } from "./tab-props";
import "./reports/reports.css";

/**
 * The event's reports, during the event and after: a one-page summary (printable on its own),
 * attendance and engagement, every table downloadable as CSV. Read fresh on each visit and on
 * "Refresh" (the numbers move while the event runs).
 */
export default function ReportsTab(props: EventTabProps) {
  const [version, setVersion] = createSignal(0);
  const [notice, setNotice] = createSignal("");
  const [attendance] = createResource(
    () => ({ id: props.event.id, v: version() }),
    (s) => adminApi<AttendanceReport>(reportPath(s.id, "attendance")),
  );
  const [engagement] = createResource(
    () => ({ id: props.event.id, v: version() }),
    (s) => adminApi<EngagementReport>(reportPath(s.id, "engagement")),
  );
  const title = () => textIn(props.event.title, language(), props.event.languages);

  // Printing the summary alone: the page says so while the print dialog is open (reports.css).
  const afterPrint = () => document.documentElement.removeAttribute("data-print");
  window.addEventListener("afterprint", afterPrint);
  onCleanup(() => {
    window.removeEventListener("afterprint", afterPrint);
    afterPrint();
  });
  function printSummary() {
    document.documentElement.setAttribute("data-print", "report-summary");
    window.print();
  }

  return (
    <div class="reports">
      <div class="report-toolbar">
        <h2 id="reports-heading">{ta("admin.reports.heading")}</h2>
        <button
          type="button"
          onClick={() => {
            setVersion(version() + 1);
            setNotice(ta("admin.reports.refreshed"));
          }}
        >
          {ta("admin.reports.refresh")}
        </button>
        <button type="button" onClick={printSummary} disabled={attendance.state !== "ready"}>
          {ta("admin.reports.print")}
        </button>
      </div>
      <p role="status" class="notice">
        {attendance.loading ? ta("admin.loading") : notice()}
      </p>
      <ListStatus error={attendance.error ?? engagement.error} />
      <Show when={!attendance.error && attendance()}>
        {(a) => (
          <>
            <Summary
              title={title()}
              attendance={a()}
              engagement={engagement.error ? undefined : engagement()}
              endsAt={Date.parse(props.event.endsAt)}
            />
            <AttendanceSection eventId={props.event.id} report={a()} />
          </>
        )}
      </Show>
      <Show when={!engagement.error && engagement()}>
        {(e) => <EngagementSection eventId={props.event.id} report={e()} />}
      </Show>
    </div>
  );
}
