import { For, Show } from "solid-js";
import type {
  LiveInvitations,
  LiveResponse,
  LiveSession,
  LiveTechChecks,
  StageLive,
} from "../../../../../core/contract/live";
import { formatTimeRange } from "../../../i18n/time";
import { type AdminKey, ta } from "../../i18n";

/** A figure, or "unknown" when its live object did not answer in time. */
function Count(props: { value: number | null }) {
  return (
    <Show when={props.value !== null} fallback={<span class="live-unknown">{ta("admin.live.unknown")}</span>}>
      {props.value}
    </Show>
  );
}

/** The totals: online, hands waiting, invitations and tech checks. */
export function LiveSummary(props: { live: LiveResponse }) {
  const inv: (keyof LiveInvitations)[] = ["sent", "opened", "notOpened", "waiting", "failed"];
  const tc: (keyof LiveTechChecks)[] = ["pass", "warn", "fail", "skipped", "none"];
  return (
    <section class="live-summary" aria-labelledby="live-summary-heading">
      <h3 id="live-summary-heading" class="visually-hidden">
        {ta("admin.live.summary")}
      </h3>
      <div class="live-card" data-figure="online">
        <h4>{ta("admin.live.online")}</h4>
        <p class="live-big">
          <Count value={props.live.online} />
        </p>
        <p class="muted">{ta("admin.live.onlineHelp")}</p>
      </div>
      <div class="live-card" data-figure="hands">
        <h4>{ta("admin.live.hands")}</h4>
        <p class="live-big">{props.live.handsWaiting}</p>
        <p class="muted">{ta("admin.live.handsHelp")}</p>
      </div>
      <div class="live-card" data-figure="invitations">
        <h4>{ta("admin.live.invitations")}</h4>
        <dl class="live-pairs">
          <For each={inv}>
            {(k) => (
              <div data-figure={`invitations-${k}`}>
                <dt>{ta(`admin.live.inv.${k}` as AdminKey)}</dt>
                <dd>{props.live.invitations[k]}</dd>
              </div>
            )}
          </For>
        </dl>
      </div>
      <div class="live-card" data-figure="tech-checks">
        <h4>{ta("admin.live.techChecks")}</h4>
        <dl class="live-pairs">
          <For each={tc}>
            {(k) => (
              <div data-figure={`tech-${k}`}>
                <dt>{ta(`admin.live.tc.${k}` as AdminKey)}</dt>
                <dd>{props.live.techChecks[k]}</dd>
              </div>
            )}
          </For>
        </dl>
      </div>
    </section>
  );
}

function stageText(stage: StageLive): string {
  switch (stage.source) {
    case "local":
      return ta("admin.live.video.local");
    case "url":
      return ta("admin.live.video.url");
    case "ivs": {
      const state = ta(
        stage.state === "no-channel" ? "admin.live.video.noChannel" : (`admin.live.video.${stage.state}` as AdminKey),
      );
      if (stage.state !== "live") return state;
      const parts = [state, ta(`admin.live.health.${stage.health}` as AdminKey)];
      if (stage.viewers !== null) parts.push(ta("admin.live.viewers", { count: stage.viewers }));
      return parts.join(" · ");
    }
    default:
      return stage satisfies never;
  }
}

/** A figure of a session: known, unknown (asked, no answer) or not asked (the session is not open). */
function SessionCount(props: { session: LiveSession; value: number | null }) {
  const open = () => props.session.when === "now" || props.session.when === "soon";
  return (
    <Show when={open()} fallback={<span class="muted">{ta("admin.live.notOpen")}</span>}>
      <Count value={props.value} />
    </Show>
  );
}

/**
 * One row per session, kept by id: a refresh changes the texts in the cells, never the rows, so
 * a person reading or selecting in the table loses nothing.
 */
export function LiveSessions(props: { sessions: LiveSession[]; timeZone: string }) {
  return (
    <section aria-labelledby="live-sessions-heading">
      <h3 id="live-sessions-heading">{ta("admin.live.sessions")}</h3>
      <Show when={props.sessions.length > 0} fallback={<p>{ta("admin.live.noSessions")}</p>}>
        <div class="table-scroll">
          <table class="admin-table live-sessions">
            <caption class="visually-hidden">{ta("admin.live.sessions")}</caption>
            <thead>
              <tr>
                <th scope="col">{ta("admin.live.col.session")}</th>
                <th scope="col">{ta("admin.live.col.when")}</th>
                <th scope="col">{ta("admin.live.col.online")}</th>
                <th scope="col">{ta("admin.live.col.hands")}</th>
                <th scope="col">{ta("admin.live.col.video")}</th>
              </tr>
            </thead>
            <tbody>
              <For each={props.sessions}>
                {(s) => (
                  <tr data-session={s.id} data-when={s.when}>
                    <th scope="row">
                      {s.title}
                      <span class="muted live-kind">{ta(`admin.live.kind.${s.kind}` as AdminKey)}</span>
                    </th>
                    <td>
                      {ta(`admin.live.when.${s.when}` as AdminKey)}
                      <span class="muted live-kind">
                        {formatTimeRange(s.startsAt, s.endsAt, { timeZone: props.timeZone })}
                      </span>
                    </td>
                    <td data-figure="online">
                      <SessionCount session={s} value={s.online} />
                    </td>
                    <td data-figure="hands">
                      <SessionCount session={s} value={s.handsWaiting} />
                    </td>
                    <td data-figure="video">{s.stage ? stageText(s.stage) : ""}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </section>
  );
}
