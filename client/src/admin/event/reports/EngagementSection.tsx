import { For, Show } from "solid-js";
import type { EngagementReport } from "../../../../../core/contract/reports";
import { ta } from "../../i18n";
import { AdminTable } from "../../pages/AdminTable";
import { Chart } from "./Chart";
import { TableHead } from "./Download";
import { count, dateTime, percent } from "./format";
import { Meetings } from "./Meetings";

/**
 * Engagement: what people did per session (chat, questions, upvotes, votes, quiz answers, words,
 * raised hands, carousel contacts), poll results with participation, quiz leaderboards, word
 * clouds, the questions asked, and the networking meetings (1:1 chats and carousel meetings).
 */
export function EngagementSection(props: { eventId: string; report: EngagementReport }) {
  const tz = () => props.report.timezone;
  const title = (id: string) => props.report.sessions.find((s) => s.sessionId === id)?.title ?? "";
  const sessions = () => props.report.sessions;
  return (
    <section class="card report-section" aria-labelledby="report-engagement">
      <h3 id="report-engagement">{ta("admin.reports.engagement")}</h3>
      <Chart
        name="participation"
        style="bars"
        caption={ta("admin.reports.chart.participation")}
        x={{ kind: "category", labels: sessions().map((s) => s.title) }}
        series={[
          { label: ta("admin.reports.col.people"), values: sessions().map((s) => s.people) },
          { label: ta("admin.reports.col.active"), values: sessions().map((s) => s.active) },
        ]}
        table={{
          columns: [ta("admin.reports.col.session"), ta("admin.reports.col.people"), ta("admin.reports.col.active")],
          rows: sessions().map((s) => [s.title, s.people, s.active]),
        }}
      />

      <TableHead
        id="report-engagement-sessions"
        title={ta("admin.reports.perSession")}
        eventId={props.eventId}
        report="engagement"
        table="sessions"
      />
      <AdminTable
        caption="admin.reports.perSession"
        columns={[
          "admin.reports.col.session",
          "admin.reports.col.chat",
          "admin.reports.col.questions",
          "admin.reports.col.upvotes",
          "admin.reports.col.pollVoters",
          "admin.reports.col.answers",
          "admin.reports.col.words",
          "admin.reports.col.hands",
          "admin.reports.col.contacts",
        ]}
        rows={sessions()}
        showEmpty
      >
        {(s) => (
          <tr data-session={s.sessionId}>
            <th scope="row">{s.title}</th>
            <td data-col="chat">{count(s.activity.chat)}</td>
            <td>{count(s.questions)}</td>
            <td>{count(s.questionVotes)}</td>
            <td data-col="voters">{count(s.pollVoters)}</td>
            <td>{count(s.activity.answer)}</td>
            <td>{count(s.activity.word)}</td>
            <td>{count(s.activity.hand)}</td>
            <td>{count(s.contacts)}</td>
          </tr>
        )}
      </AdminTable>

      <Meetings eventId={props.eventId} rows={props.report.meetings} />

      <h4>{ta("admin.reports.polls")}</h4>
      <Show when={props.report.polls.length > 0} fallback={<p>{ta("admin.reports.noPolls")}</p>}>
        <TableHead
          id="report-polls"
          title={ta("admin.reports.pollResults")}
          eventId={props.eventId}
          report="engagement"
          table="polls"
        />
        <For each={props.report.polls}>
          {(p) => (
            <div class="report-poll" data-poll={p.interactionId}>
              <p>
                {ta("admin.reports.pollSummary", {
                  session: title(p.sessionId),
                  voters: p.voters,
                  participation: percent(p.participation),
                })}
              </p>
              <Chart
                name="poll"
                style="bars"
                caption={p.question}
                x={{ kind: "category", labels: p.options.map((o) => o.label) }}
                series={[{ label: ta("admin.reports.col.votes"), values: p.options.map((o) => o.votes) }]}
                table={{
                  columns: [ta("admin.reports.col.option"), ta("admin.reports.col.votes")],
                  rows: p.options.map((o) => [o.label, o.votes]),
                }}
              />
            </div>
          )}
        </For>
      </Show>

      <h4>{ta("admin.reports.quizzes")}</h4>
      <Show when={props.report.quizzes.length > 0} fallback={<p>{ta("admin.reports.noQuizzes")}</p>}>
        <TableHead
          id="report-quizzes"
          title={ta("admin.reports.leaderboards")}
          eventId={props.eventId}
          report="engagement"
          table="quizzes"
        />
        <For each={props.report.quizzes}>
          {(q) => (
            <>
              <p>
                {ta("admin.reports.quizSummary", {
                  title: q.title,
                  session: title(q.sessionId),
                  questions: q.questionCount,
                })}
              </p>
              <AdminTable
                caption="admin.reports.leaderboards"
                columns={[
                  "admin.reports.col.rank",
                  "admin.col.name",
                  "admin.reports.col.points",
                  "admin.reports.col.correct",
                ]}
                rows={q.scores.slice(0, 20)}
              >
                {(s) => (
                  <tr>
                    <th scope="row">{s.rank}</th>
                    <td>{s.name}</td>
                    <td>{count(s.points)}</td>
                    <td>{count(s.correct)}</td>
                  </tr>
                )}
              </AdminTable>
            </>
          )}
        </For>
      </Show>

      <h4>{ta("admin.reports.wordclouds")}</h4>
      <Show when={props.report.wordclouds.length > 0} fallback={<p>{ta("admin.reports.noWordclouds")}</p>}>
        <TableHead
          id="report-wordclouds"
          title={ta("admin.reports.topWords")}
          eventId={props.eventId}
          report="engagement"
          table="wordclouds"
        />
        <For each={props.report.wordclouds}>
          {(w) => (
            <>
              <p>
                {ta("admin.reports.cloudSummary", {
                  prompt: w.prompt,
                  entries: w.entries,
                  contributors: w.contributors,
                })}
              </p>
              <AdminTable
                caption="admin.reports.topWords"
                columns={["admin.reports.col.word", "admin.reports.col.count"]}
                rows={w.words.slice(0, 15)}
              >
                {(word) => (
                  <tr>
                    <th scope="row">{word.text}</th>
                    <td>{count(word.count)}</td>
                  </tr>
                )}
              </AdminTable>
            </>
          )}
        </For>
      </Show>

      <TableHead
        id="report-questions"
        title={ta("admin.reports.questions")}
        eventId={props.eventId}
        report="engagement"
        table="questions"
      />
      <Show when={props.report.questions.length > 0} fallback={<p>{ta("admin.reports.noQuestions")}</p>}>
        <AdminTable
          caption="admin.reports.questions"
          columns={[
            "admin.reports.col.question",
            "admin.reports.col.session",
            "admin.reports.col.askedAt",
            "admin.reports.col.votes",
            "admin.col.status",
          ]}
          rows={[...props.report.questions].sort((a, b) => b.votes - a.votes).slice(0, 50)}
        >
          {(q) => (
            <tr>
              <th scope="row">{q.text}</th>
              <td>{q.sessionTitle}</td>
              <td>{dateTime(q.askedAt, tz())}</td>
              <td>{count(q.votes)}</td>
              <td>{ta(`admin.reports.status.${q.status}`)}</td>
            </tr>
          )}
        </AdminTable>
      </Show>
    </section>
  );
}
