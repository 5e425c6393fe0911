import { createSignal, onMount } from "solid-js";
import type { ImportJobView, InvitationBatchView } from "../../../../../core/contract/imports";
import { adminApi } from "../../api";

/** Finished work stays in view this long after it ended, for whoever comes back to look. */
const RECENT_MS = 15 * 60_000;

/**
 * The long work of an event this page shows: what is still running on the server (picked up again
 * when the page is opened later, the tab closed in between) and what finished a moment ago, plus
 * what is started from this page.
 */
export function recentWork(eventId: () => string) {
  const [jobs, setJobs] = createSignal<ImportJobView[]>([]);
  const [batches, setBatches] = createSignal<InvitationBatchView[]>([]);
  const path = () => `/api/admin/events/${encodeURIComponent(eventId())}`;
  const fresh = (at: string | null) => at === null || Date.now() - Date.parse(at) < RECENT_MS;
  onMount(async () => {
    try {
      const [j, b] = await Promise.all([
        adminApi<{ items: ImportJobView[] }>(`${path()}/imports`),
        adminApi<{ items: InvitationBatchView[] }>(`${path()}/invitation-batches`),
      ]);
      setJobs(j.items.filter((x) => x.state === "running" || fresh(x.finishedAt)));
      setBatches(b.items.filter((x) => x.queued > 0 || fresh(x.createdAt)));
    } catch {
      // Only the view of earlier work is missing; the page works without it.
    }
  });
  return {
    jobs,
    batches,
    addJob: (job: ImportJobView) => setJobs([job, ...jobs().filter((j) => j.id !== job.id)]),
    addBatch: (batch: InvitationBatchView) => setBatches([batch, ...batches().filter((b) => b.id !== batch.id)]),
  };
}
