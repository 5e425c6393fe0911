import { createEffect, on, Show } from "solid-js";
import type { ImportJobView, InvitationBatchView } from "../../../../../core/contract/imports";
import { adminApi } from "../../api";
import { ta } from "../../i18n";
import { poll, ProgressBar } from "./progress";

const eventPath = (eventId: string) => `/api/admin/events/${encodeURIComponent(eventId)}`;

/** An import job as it runs on the server: a bar of rows handled, then what it did. */
export function JobProgress(props: { eventId: string; job: ImportJobView; onDone?: () => void }) {
  const job = poll(
    props.job,
    () => adminApi<ImportJobView>(`${eventPath(props.eventId)}/imports/${encodeURIComponent(props.job.id)}`),
    (j) => j.state === "done",
  );
  // The list behind it changed: tell the page once, when the job ends while it is watched.
  createEffect(
    on(
      () => job().state,
      (state, before) => {
        if (state === "done" && before === "running") props.onDone?.();
      },
    ),
  );
  return (
    <div class="work" data-import={job().id} data-state={job().state}>
      <ProgressBar label={ta("admin.imports.job.label")} value={job().done + job().failed} max={job().total} />
      <p role="status">
        {job().state === "done"
          ? ta("admin.imports.job.done", {
              created: job().created,
              updated: job().updated,
              unchanged: job().unchanged,
              failed: job().failed,
            })
          : ta("admin.imports.job.running", { done: job().done, total: job().total, failed: job().failed })}
      </p>
      <Show when={job().state === "running"}>
        <p class="muted">{ta("admin.imports.job.leave")}</p>
      </Show>
    </div>
  );
}

/** A "send to these N" batch as the scheduler sends it: sent, waiting and failed, refreshed in place. */
export function BatchProgress(props: { eventId: string; batch: InvitationBatchView; onDone?: () => void }) {
  const batch = poll(
    props.batch,
    () =>
      adminApi<InvitationBatchView>(
        `${eventPath(props.eventId)}/invitation-batches/${encodeURIComponent(props.batch.id)}`,
      ),
    (b) => b.queued === 0,
    1500,
  );
  createEffect(
    on(
      () => batch().queued,
      (queued, before) => {
        if (queued === 0 && before !== undefined && before > 0) props.onDone?.();
      },
    ),
  );
  return (
    <div class="work" data-batch={batch().id} data-queued={batch().queued}>
      <h3 tabindex="-1">{ta("admin.imports.batch.heading", { matched: batch().matched })}</h3>
      <Show when={batch().total > 0} fallback={<p role="status">{ta("admin.imports.batch.none")}</p>}>
        <ProgressBar
          label={ta("admin.imports.batch.label")}
          value={batch().sent + batch().failed}
          max={batch().total}
        />
        <p role="status">
          {ta("admin.imports.batch.counts", { sent: batch().sent, queued: batch().queued, failed: batch().failed })}
        </p>
      </Show>
      <Show when={batch().skipped > 0 && batch().total > 0}>
        <p class="muted">{ta("admin.imports.batch.skipped", { skipped: batch().skipped })}</p>
      </Show>
    </div>
  );
}
