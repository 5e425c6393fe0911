import { For } from "solid-js";
import type { AttendanceReport, EngagementReport } from "../../../../../core/contract/reports";
import { ta } from "../../i18n";
import { count, dateTime, decimal, duration, percent } from "./format";
import { meetingsTotal } from "./Meetings";

/**
 * The one-page summary an organizer hands to their client: the event's key figures and one line
 * per session. On screen it heads the report; "Print summary" prints it alone (reports.css).
 */
export function Summary(props: {
  title: string;
  attendance: AttendanceReport;
  engagement: EngagementReport | undefined;
  /** When the event ends: until then, those who have not come are not no-shows yet. */
  endsAt: number;
}) {
  const a = () => props.attendance;
  const watched = () => a().sessions.reduce((sum, s) => sum + s.watchedMs, 0);
  const peak = () => Math.max(0, ...a().sessions.map((s) => s.peak));
  const engagementOf = (id: string) => props.engagement?.sessions.find((s) => s.sessionId === id);
  const figures = () => [
    { key: "registered", label: ta("admin.reports.registered"), value: count(a().registered) },
    {
      key: "came",
      label: ta("admin.reports.came"),
      value: `${count(a().came)} (${percent(a().registered > 0 ? a().came / a().registered : null)})`,
    },
    {
      key: "noShows",
      label: a().generatedAt < props.endsAt ? ta("admin.reports.notComeYet") : ta("admin.reports.noShows"),
      value: count(a().noShows),
    },
    { key: "peak", label: ta("admin.reports.peakAll"), value: count(peak()) },
    { key: "watched", label: ta("admin.reports.watchedAll"), value: duration(watched()) },
    {
      key: "perPerson",
      label: ta("admin.reports.watchedPerPerson"),
      value: a().came > 0 ? duration(watched() / a().came) : "–",
    },
    // Meetings come with the engagement report: left out until (and unless) it has loaded.
    ...(props.engagement
      ? [
          {
            key: "meetings",
            label: ta("admin.reports.meetingsAll"),
            value: count(meetingsTotal(props.engagement.meetings)),
          },
        ]
      : []),
  ];
  return (
    <section class="card report-summary" aria-labelledby="report-summary">
      <h3 id="report-summary">{ta("admin.reports.summary", { event: props.title })}</h3>
      <p class="muted">
        {ta("admin.reports.generated", { at: dateTime(a().generatedAt, a().timezone), zone: a().timezone })}
      </p>
      <dl class="report-figures">
        <For each={figures()}>
          {(f) => (
            <div data-figure={f.key}>
              <dt>{f.label}</dt>
              <dd>{f.value}</dd>
            </div>
          )}
        </For>
      </dl>
      <p>
        {a()
          .devices.map((d) =>
            ta("admin.reports.deviceCount", { device: ta(`admin.reports.device.${d.device}`), count: d.people }),
          )
          .join(" · ")}
      </p>
      <div class="table-scroll">
        <table class="admin-table">
          <caption class="visually-hidden">{ta("admin.reports.summarySessions")}</caption>
          <thead>
            <tr>
              <th scope="col">{ta("admin.reports.col.session")}</th>
              <th scope="col">{ta("admin.reports.col.people")}</th>
              <th scope="col">{ta("admin.reports.col.peak")}</th>
              <th scope="col">{ta("admin.reports.col.average")}</th>
              <th scope="col">{ta("admin.reports.col.chat")}</th>
              <th scope="col">{ta("admin.reports.col.questions")}</th>
              <th scope="col">{ta("admin.reports.col.pollVoters")}</th>
            </tr>
          </thead>
          <tbody>
            <For each={a().sessions}>
              {(s) => (
                <tr>
                  <th scope="row">{s.title}</th>
                  <td>{count(s.people)}</td>
                  <td>{count(s.peak)}</td>
                  <td>{decimal(s.average)}</td>
                  <td>{count(engagementOf(s.sessionId)?.activity.chat ?? 0)}</td>
                  <td>{count(engagementOf(s.sessionId)?.questions ?? 0)}</td>
                  <td>{count(engagementOf(s.sessionId)?.pollVoters ?? 0)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </section>
  );
}
