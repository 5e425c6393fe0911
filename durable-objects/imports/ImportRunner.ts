import { DurableObject } from "cloudflare:workers";
import { database } from "../../server/db/client";
import { hasPendingChunks } from "../../server/db/imports";
import type { Env } from "../../server/env";
import { runImportChunks } from "../../server/imports/runner";
import type { ImportRunnerRpc } from "../../server/imports/wake";
import { wakeScheduler } from "../../server/invitations/scheduler";

/** Past this, a run is presumed dead and the alarm set ahead of it runs the chunks again. */
const RUN_LEASE_MS = 60_000;
/** One alarm run writes chunks for about this long, then hands over to a fresh alarm. */
const RUN_BUDGET_MS = 10_000;

/**
 * Writes large imports in the background, so they go on when the organizer leaves the page. D1
 * holds the jobs and their chunks (this object keeps no state of its own); the alarm writes chunk
 * after chunk, each in its own transaction (server/imports/runner.ts names the crash windows),
 * and re-arms itself until none is left.
 */
export class ImportRunner extends DurableObject<Env> implements ImportRunnerRpc {
  /** Called after a job is created: runs now if there is anything to run. */
  async poke(): Promise<{ pending: boolean }> {
    const pending = await hasPendingChunks(database(this.env.DB));
    if (pending && (await this.ctx.storage.getAlarm()) === null) await this.ctx.storage.setAlarm(Date.now());
    return { pending };
  }

  override async alarm(): Promise<void> {
    // Should this run die, wake again after the lease and take its chunk from the start.
    await this.ctx.storage.setAlarm(Date.now() + RUN_LEASE_MS);
    const report = await runImportChunks({ db: database(this.env.DB), budgetMs: RUN_BUDGET_MS });
    // New people have their automatic invitation queued: the scheduler sets its alarm for it.
    if (report.created > 0) await wakeScheduler(this.env);
    if (report.more) await this.ctx.storage.setAlarm(Date.now());
    else await this.ctx.storage.deleteAlarm();
  }
}
