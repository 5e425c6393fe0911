import { DurableObject } from "cloudflare:workers";
import { getConfig } from "../../server/config";
import { database } from "../../server/db/client";
import { nextDueAt } from "../../server/db/invitations";
import type { Env } from "../../server/env";
import type { InvitationSchedulerRpc } from "../../server/rooms";
import { SEND_LEASE_MS } from "../../server/invitations/policy";
import { sendDueInvitations } from "../../server/invitations/sender";
import { emailProvider } from "../../server/providers/email";

/**
 * The one object that sends invitation e-mails. Its alarm is set to the moment the earliest
 * invitation falls due (D1 holds the queue; this object holds no state of its own), so e-mails go
 * out at the event's lead time to the second, retries follow their backoff, and nothing polls
 * while nothing is due. A single object for all events also makes the provider's rate limit
 * (SES's sending quota is per account) a plain per-second budget here.
 */
export class InvitationScheduler extends DurableObject<Env> implements InvitationSchedulerRpc {
  /** Called after anything changes the queue: re-reads it and sets the alarm. */
  async poke(): Promise<{ nextAt: number | null }> {
    const nextAt = await nextDueAt(database(this.env.DB));
    await this.arm(nextAt);
    return { nextAt };
  }

  override async alarm(): Promise<void> {
    const config = getConfig(this.env);
    const db = database(this.env.DB);
    // Should this run die, wake again once the leases of what it claimed have run out.
    await this.ctx.storage.setAlarm(Date.now() + SEND_LEASE_MS + 1000);
    const report = await sendDueInvitations({
      db,
      config,
      provider: emailProvider(config, db),
      ratePerSecond: config.emailRatePerSecond,
    });
    if (report.sent + report.failed + report.retrying > 0) {
      console.log(
        `invitations: ${report.sent} sent, ${report.retrying} to retry, ${report.failed} failed${report.more ? ", more to send" : ""}`,
      );
    }
    await this.arm(report.more ? Date.now() : await nextDueAt(db));
  }

  private async arm(at: number | null): Promise<void> {
    if (at === null) await this.ctx.storage.deleteAlarm();
    else await this.ctx.storage.setAlarm(Math.max(at, Date.now()));
  }
}
