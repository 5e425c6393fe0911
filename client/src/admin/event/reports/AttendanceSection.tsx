import { createMemo, createResource, createSignal, For, type Resource, Show } from "solid-js";
import type { AttendanceReport, NoShowRow, PersonRow, ReportPage, StayRow } from "../../../../../core/contract/reports";
import { adminApi } from "../../api";
import { ta } from "../../i18n";
import { AdminTable, ListStatus } from "../../pages/AdminTable";
import { Chart } from "./Chart";
import { TableHead } from "./Download";
import { clock, count, dateTime, decimal, duration, reportPath } from "./format";

const ROWS = 100;

/** A resource's value, or nothing while it failed (reading a failed resource throws). */
const ready = <T,>(r: Resource<T>): T | undefined => (r.error ? undefined : r());

/**
 * Attendance: who came and when, per session (people, peak and average at once, time watched),
 * concurrency and arrivals over time, each stay, each person, and who never came.
 */
export function AttendanceSection(props: { eventId: string; report: AttendanceReport }) {
  const tz = () => props.report.timezone;
  const [chosen, setChosen] = createSignal<string>("");
  // The busiest session first: the one an organizer most likely wants to see.
  const busiest = () =>
    [...props.report.sessions].sort((a, b) => b.peak - a.peak || b.watchedMs - a.watchedMs)[0]?.sessionId ?? "";
  const sessionId = () => chosen() || busiest();
  const series = () => props.report.concurrency.find((c) => c.sessionId === sessionId());
  const title = (id: string) => props.report.sessions.find((s) => s.sessionId === id)?.title ?? "";
  const [stays] = createResource(
    () => ({ id: props.eventId, sessionId: sessionId(), at: props.report.generatedAt }),
    (s) => adminApi<ReportPage<StayRow>>(reportPath(s.id, "stays", { sessionId: s.sessionId, limit: ROWS })),
  );
  const [people] = createResource(
    () => ({ id: props.eventId, at: props.report.generatedAt }),
    (s) => adminApi<ReportPage<PersonRow>>(reportPath(s.id, "people", { limit: ROWS })),
  );
  const [noShows] = createResource(
    () => ({ id: props.eventId, at: props.report.generatedAt }),
    (s) => adminApi<ReportPage<NoShowRow>>(reportPath(s.id, "no-shows", { limit: ROWS })),
  );
  const concurrencyTable = createMemo(() => {
    const s = series();
    // The table beside the chart lists the minutes when anyone was there.
    const rows = (s?.points ?? []).flatMap((n, i) => (n > 0 ? [[clock(s!.from + i * s!.bucketMs, tz()), n]] : []));
    return { columns: [ta("admin.reports.col.from"), ta("admin.reports.col.atOnce")], rows };
  });

  return (
    <section class="card report-section" aria-labelledby="report-attendance">
      <h3 id="report-attendance">{ta("admin.reports.attendance")}</h3>

      <div class="report-charts">
        <div>
          <Show when={props.report.sessions.length > 1}>
            <div class="field">
              <label for="report-concurrency-session">{ta("admin.reports.chooseSession")}</label>
              <select
                id="report-concurrency-session"
                value={sessionId()}
                onChange={(e) => setChosen(e.currentTarget.value)}
              >
                <For each={props.report.sessions}>{(s) => <option value={s.sessionId}>{s.title}</option>}</For>
              </select>
            </div>
          </Show>
          <Show when={series()}>
            {(s) => (
              <Chart
                name="concurrency"
                style="steps"
                caption={ta("admin.reports.chart.concurrency", { session: title(s().sessionId) })}
                x={{
                  kind: "time",
                  timeZone: tz(),
                  bucketMs: s().bucketMs,
                  values: s().points.map((_, i) => s().from + i * s().bucketMs),
                }}
                series={[{ label: ta("admin.reports.col.atOnce"), values: s().points }]}
                table={concurrencyTable()}
              />
            )}
          </Show>
        </div>
        <Chart
          name="arrivals"
          style="bars"
          caption={ta("admin.reports.chart.arrivals", { minutes: props.report.arrivalBucketMs / 60_000 })}
          x={{
            kind: "time",
            timeZone: tz(),
            bucketMs: props.report.arrivalBucketMs,
            values: props.report.arrivals.map((a) => a.at),
          }}
          series={[{ label: ta("admin.reports.col.arrivals"), values: props.report.arrivals.map((a) => a.count) }]}
          table={{
            columns: [ta("admin.reports.col.from"), ta("admin.reports.col.arrivals")],
            rows: props.report.arrivals.map((a) => [clock(a.at, tz()), a.count]),
          }}
        />
      </div>

      <TableHead
        id="report-sessions"
        title={ta("admin.reports.sessions")}
        eventId={props.eventId}
        report="attendance"
        table="sessions"
        note={ta("admin.reports.sessionsNote")}
      />
      <AdminTable
        caption="admin.reports.sessions"
        columns={[
          "admin.reports.col.session",
          "admin.reports.col.people",
          "admin.reports.col.peak",
          "admin.reports.col.peakAt",
          "admin.reports.col.average",
          "admin.reports.col.watched",
          "admin.reports.col.perPerson",
        ]}
        rows={props.report.sessions}
        showEmpty
      >
        {(s) => (
          <tr data-session={s.sessionId}>
            <th scope="row">{s.title}</th>
            <td data-col="people">{count(s.people)}</td>
            <td data-col="peak">{count(s.peak)}</td>
            <td>{clock(s.peakAt, tz())}</td>
            <td data-col="average">{decimal(s.average)}</td>
            <td>{duration(s.watchedMs)}</td>
            <td>{s.people > 0 ? duration(s.watchedMs / s.people) : "–"}</td>
          </tr>
        )}
      </AdminTable>

      <div class="report-pair">
        <div>
          <TableHead
            id="report-days"
            title={ta("admin.reports.days")}
            eventId={props.eventId}
            report="attendance"
            table="days"
          />
          <AdminTable
            caption="admin.reports.days"
            columns={["admin.reports.col.date", "admin.reports.col.people", "admin.reports.col.watched"]}
            rows={props.report.days}
          >
            {(d) => (
              <tr>
                <th scope="row">{d.date}</th>
                <td>{count(d.people)}</td>
                <td>{duration(d.watchedMs)}</td>
              </tr>
            )}
          </AdminTable>
        </div>
        <div>
          <TableHead
            id="report-devices"
            title={ta("admin.reports.devices")}
            eventId={props.eventId}
            report="attendance"
            table="devices"
          />
          <AdminTable
            caption="admin.reports.devices"
            columns={["admin.reports.col.device", "admin.reports.col.people"]}
            rows={props.report.devices}
          >
            {(d) => (
              <tr data-device={d.device}>
                <th scope="row">{ta(`admin.reports.device.${d.device}`)}</th>
                <td>{count(d.people)}</td>
              </tr>
            )}
          </AdminTable>
        </div>
      </div>

      <TableHead
        id="report-stays"
        title={ta("admin.reports.stays", { session: title(sessionId()) })}
        eventId={props.eventId}
        report="stays"
        note={ta("admin.reports.staysNote")}
      />
      <ListStatus
        error={stays.error}
        loading={stays.loading}
        empty={ready(stays)?.total === 0}
        emptyMessage="admin.reports.none"
      />
      <AdminTable
        caption="admin.reports.staysCaption"
        columns={[
          "admin.col.name",
          "admin.reports.col.from",
          "admin.reports.col.to",
          "admin.reports.col.watched",
          "admin.reports.col.devices",
        ]}
        rows={ready(stays)?.items}
      >
        {(s) => (
          <tr data-registration={s.registrationId}>
            <th scope="row">{s.name}</th>
            <td>{dateTime(s.from, tz())}</td>
            <td>{dateTime(s.to, tz())}</td>
            <td>{duration(s.to - s.from)}</td>
            <td>{s.devices.map((d) => ta(`admin.reports.device.${d}`)).join(", ")}</td>
          </tr>
        )}
      </AdminTable>
      <Shown page={ready(stays)} />

      <TableHead id="report-people" title={ta("admin.reports.people")} eventId={props.eventId} report="people" />
      <ListStatus error={people.error} loading={people.loading} />
      <AdminTable
        caption="admin.reports.people"
        columns={[
          "admin.col.name",
          "admin.reports.col.firstArrival",
          "admin.reports.col.sessions",
          "admin.reports.col.watched",
          "admin.reports.col.devices",
          "admin.reports.col.chats",
          "admin.reports.col.carouselMeetings",
        ]}
        rows={ready(people)?.items}
      >
        {(p) => (
          <tr data-registration={p.registrationId}>
            <th scope="row">{p.name}</th>
            <td>{dateTime(p.firstArrival, tz())}</td>
            <td>{count(p.sessions)}</td>
            <td data-col="watched">{duration(p.watchedMs)}</td>
            <td>{p.devices.map((d) => ta(`admin.reports.device.${d}`)).join(", ")}</td>
            <td data-col="chats">{count(p.chats)}</td>
            <td data-col="carousel">{count(p.carouselMeetings)}</td>
          </tr>
        )}
      </AdminTable>
      <Shown page={ready(people)} />

      <TableHead id="report-noshows" title={ta("admin.reports.noShows")} eventId={props.eventId} report="no-shows" />
      <ListStatus
        error={noShows.error}
        loading={noShows.loading}
        empty={ready(noShows)?.total === 0}
        emptyMessage="admin.reports.noNoShows"
      />
      <AdminTable
        caption="admin.reports.noShows"
        columns={["admin.col.name", "admin.col.email"]}
        rows={ready(noShows)?.items}
      >
        {(r) => (
          <tr data-registration={r.registrationId}>
            <th scope="row">{r.name}</th>
            <td>{r.email}</td>
          </tr>
        )}
      </AdminTable>
      <Shown page={ready(noShows)} />
    </section>
  );
}

/** "Showing 100 of 20,000: the CSV has them all." */
function Shown(props: { page: ReportPage<unknown> | undefined }) {
  return (
    <Show when={props.page && props.page.total > props.page.items.length}>
      <p class="muted">{ta("admin.reports.shown", { shown: props.page!.items.length, total: props.page!.total })}</p>
    </Show>
  );
}
