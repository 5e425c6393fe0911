import { ta } from "../../i18n";
import { reportPath } from "./format";

/**
 * "Download CSV" for one table: a plain link to the report's CSV (the sign-in cookie goes with it;
 * the server names the file), so the file holds exactly the numbers the server computed.
 */
export function Download(props: {
  eventId: string;
  report: string;
  table?: string;
  /** What is downloaded, for screen readers ("Download CSV: sessions"). */
  what: string;
}) {
  return (
    <a
      class="button-link report-download"
      href={reportPath(props.eventId, props.report, { format: "csv", ...(props.table ? { table: props.table } : {}) })}
      download=""
      aria-label={ta("admin.reports.downloadOf", { what: props.what })}
    >
      {ta("admin.reports.download")}
    </a>
  );
}

/** A table's heading with its download beside it. */
export function TableHead(props: {
  id: string;
  title: string;
  eventId: string;
  report: string;
  table?: string;
  note?: string;
}) {
  return (
    <div class="report-table-head">
      <h4 id={props.id}>{props.title}</h4>
      <Download eventId={props.eventId} report={props.report} table={props.table} what={props.title} />
      {props.note ? <p class="muted">{props.note}</p> : null}
    </div>
  );
}
