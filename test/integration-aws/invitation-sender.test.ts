import { env } from "cloudflare:workers";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getConfig } from "../../server/config";
import { database } from "../../server/db/client";
import { invitations } from "../../server/db/schema";
import { backoffMs, MAX_ATTEMPTS, SEND_LEASE_MS } from "../../server/invitations/policy";
import { sendDueInvitations, type SenderHooks } from "../../server/invitations/sender";
import { emailProvider } from "../../server/providers/email";
import type { AdminRegistration, InvitationView, Page } from "../../core/contract/index";
import { adminJson, call, createEvent, freshIp, linkIn, ownerSession, TEST_OWNER } from "../integration/helpers";
import { runScheduler } from "../integration/scheduler";
import { fakeAws } from "./fake";
import { inArray } from "drizzle-orm";

/**
 * The invitation sender against the fake SES endpoint (which verifies every SigV4 signature),
 * driven with a fake clock so leases and backoff run out on demand, and with crashes injected at
 * exact points through the sender's hooks.
 */
interface SentEmail {
  messageId: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  configurationSet: string;
  tags: { Name: string; Value: string }[];
}

const HOUR = 3_600_000;
const db = () => database(env.DB);
const sent = async () => (await fakeAws.state<{ sent: SentEmail[] }>()).sent;
const sentTo = async (email: string) => (await sent()).filter((m) => m.to.includes(email));
class Crash extends Error {}

let days = 2;
/** An event of its own with `n` people whose automatic invitations fall due at `due`. */
async function peopleDueAt(n: number) {
  const event = await createEvent({ startsInMs: days++ * 24 * HOUR });
  const people: AdminRegistration[] = [];
  for (let i = 0; i < n; i++) {
    const { body } = await adminJson<AdminRegistration>(`/api/admin/events/${event.id}/registrations`, {
      method: "POST",
      json: { name: `Person ${i}`, email: `p${i}.${event.slug}@example.com`, attributes: { ticket: "standard" } },
    });
    people.push(body);
  }
  return { event, people, due: event.startsAt - 3 * HOUR };
}

function run(at: number, hooks?: SenderHooks, o: { rate?: number; onSleep?: (ms: number) => void } = {}) {
  const config = getConfig(env);
  let now = at;
  return sendDueInvitations({
    db: db(),
    config,
    provider: emailProvider(config, db()),
    ratePerSecond: o.rate ?? 14,
    now: () => now,
    sleep: async (ms) => {
      o.onSleep?.(ms);
      now += ms;
    },
    hooks,
  });
}

async function stateOf(eventId: string, registrationId: string): Promise<InvitationView> {
  const { body } = await adminJson<Page<InvitationView>>(
    `/api/admin/events/${eventId}/invitations?registrationId=${registrationId}`,
  );
  return body.items[0]!;
}

const crashFor = (registrationId: string) => (inv: { registrationId: string }) => {
  if (inv.registrationId === registrationId) throw new Crash(`crash for ${registrationId}`);
};

describe("invitation sender against SES", () => {
  // The test owner's bootstrap e-mails a sign-in link after answering; let it land before the
  // first reset, so each test's SES log holds only what that test sent.
  beforeAll(async () => {
    await ownerSession();
    // At least one: under load the owner's sign-in may have been asked for twice (each test counts
    // mail to its own registrants, never the owner's).
    await vi.waitFor(async () => expect((await sentTo(TEST_OWNER.email)).length).toBeGreaterThanOrEqual(1));
  });
  beforeEach(() => fakeAws.reset());
  // Nothing a test leaves waiting may be picked up by the next test's (later) fake clock.
  afterEach(async () => {
    await db()
      .update(invitations)
      .set({ state: "failed", lastError: "test cleanup" })
      .where(inArray(invitations.state, ["queued", "sending"]));
  });

  it("sends each due invitation once through SendEmail, signed, from SES_FROM with the configuration set", async () => {
    const { event, people, due } = await peopleDueAt(2);
    expect(await run(due - 1000)).toMatchObject({ sent: 0 });
    const report = await run(due);
    expect(report).toEqual({ sent: 2, retrying: 0, failed: 0, more: false });
    const mails = await sent();
    expect(mails).toHaveLength(2);
    const [mail] = await sentTo(people[0]!.email);
    expect(mail!.from).toBe("Foyer <events@foyer.test>");
    expect(mail!.configurationSet).toBe("foyer-test");
    expect(mail!.subject).toBe(
      `Your personal link for ${(await adminJson<{ title: string }>(`/api/admin/events/${event.id}`)).body.title}`,
    );
    expect(mail!.text).toContain("Hello Person 0,");
    expect(mail!.html).toContain("Open my programme");
    const invitation = await stateOf(event.id, people[0]!.id);
    expect(mail!.tags).toEqual([{ Name: "foyer-message", Value: invitation.id }]);
    expect(invitation).toMatchObject({ state: "sent", attempts: 1, lastError: null });
    // The link SES delivered signs the person in.
    const res = await call(new URL(linkIn(mail!.text)!).pathname, { redirect: "manual" });
    expect(res.status).toBe(303);
    const log = await fakeAws.requests();
    expect(log.map((r) => [r.operation, r.status])).toEqual([
      ["SendEmail", 200],
      ["SendEmail", 200],
    ]);
    expect(await run(due + 10 * HOUR)).toMatchObject({ sent: 0 });
    expect(await sent()).toHaveLength(2);
  });

  it("a crash before the send loses nothing: the invitation is sent exactly once after its lease runs out", async () => {
    const { event, people, due } = await peopleDueAt(3);
    const victim = people[1]!;
    await expect(run(due, { beforeSend: crashFor(victim.id) })).rejects.toBeInstanceOf(Crash);
    expect(await sentTo(victim.email)).toHaveLength(0);
    expect(await sent()).toHaveLength(2);
    expect(await stateOf(event.id, victim.id)).toMatchObject({ state: "sending", attempts: 1 });

    // Still within the lease: another run leaves it alone.
    expect(await run(due + SEND_LEASE_MS - 1)).toMatchObject({ sent: 0 });
    const recovered = await run(due + SEND_LEASE_MS);
    expect(recovered.sent).toBe(1);
    for (const p of people) expect(await sentTo(p.email)).toHaveLength(1);
    expect(await stateOf(event.id, victim.id)).toMatchObject({ state: "sent", attempts: 2 });
    expect(await run(due + 10 * SEND_LEASE_MS)).toMatchObject({ sent: 0 });
    expect(await sent()).toHaveLength(3);
  });

  it("a crash after the record never sends again", async () => {
    const { event, people, due } = await peopleDueAt(2);
    const victim = people[0]!;
    await expect(run(due, { afterRecord: crashFor(victim.id) })).rejects.toBeInstanceOf(Crash);
    expect(await stateOf(event.id, victim.id)).toMatchObject({ state: "sent", attempts: 1 });
    for (const later of [due + SEND_LEASE_MS, due + 10 * SEND_LEASE_MS, due + 48 * HOUR]) {
      expect(await run(later)).toMatchObject({ sent: 0 });
    }
    for (const p of people) expect(await sentTo(p.email)).toHaveLength(1);
  });

  it("the one duplicate window: a crash between SES accepting and our record sends again after the lease", async () => {
    const { event, people, due } = await peopleDueAt(1);
    const victim = people[0]!;
    await expect(run(due, { afterSend: crashFor(victim.id) })).rejects.toBeInstanceOf(Crash);
    expect(await stateOf(event.id, victim.id)).toMatchObject({ state: "sending" });
    await run(due + SEND_LEASE_MS);
    expect(await sentTo(victim.email)).toHaveLength(2);
    expect(await stateOf(event.id, victim.id)).toMatchObject({ state: "sent", attempts: 2 });
  });

  it("retries SES failures with backoff, then fails with SES's reason", async () => {
    const { event, people, due } = await peopleDueAt(1);
    const who = people[0]!;
    await fakeAws.fault({
      service: "ses",
      operation: "SendEmail",
      status: 500,
      code: "InternalFailure",
      message: "SES is having a bad day",
      times: MAX_ATTEMPTS,
    });
    let at = due;
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      expect(await run(at)).toMatchObject({ retrying: 1 });
      const state = await stateOf(event.id, who.id);
      expect(state).toMatchObject({ state: "queued", attempts: attempt });
      expect(state.lastError).toContain("InternalFailure");
      expect(Date.parse(state.dueAt)).toBe(at + backoffMs(attempt));
      // Not before its backoff is over.
      expect(await run(at + backoffMs(attempt) - 1)).toMatchObject({ retrying: 0, failed: 0 });
      at += backoffMs(attempt);
    }
    expect(await run(at)).toMatchObject({ failed: 1 });
    const failed = await stateOf(event.id, who.id);
    expect(failed).toMatchObject({ state: "failed", attempts: MAX_ATTEMPTS });
    expect(failed.lastError).toMatch(/InternalFailure.*SES is having a bad day.*gave up after 5 attempts/);
    expect(await sentTo(who.email)).toHaveLength(0);
    expect((await fakeAws.requests()).filter((r) => r.operation === "SendEmail").map((r) => r.status)).toEqual(
      Array(MAX_ATTEMPTS).fill(500),
    );
  });

  it("is throttled once and then delivered", async () => {
    const { event, people, due } = await peopleDueAt(1);
    await fakeAws.fault({
      service: "ses",
      operation: "SendEmail",
      status: 429,
      code: "TooManyRequestsException",
      message: "Maximum sending rate exceeded.",
    });
    await run(due);
    expect((await stateOf(event.id, people[0]!.id)).lastError).toContain("TooManyRequestsException");
    await run(due + backoffMs(1));
    expect(await stateOf(event.id, people[0]!.id)).toMatchObject({ state: "sent", attempts: 2, lastError: null });
    expect(await sentTo(people[0]!.email)).toHaveLength(1);
  });

  it("retries SES's LimitExceededException (a sending quota that lifts) instead of failing for good", async () => {
    const { event, people, due } = await peopleDueAt(1);
    await fakeAws.fault({
      service: "ses",
      operation: "SendEmail",
      status: 400,
      code: "LimitExceededException",
      message: "Daily message quota exceeded.",
    });
    expect(await run(due)).toMatchObject({ failed: 0, retrying: 1 });
    expect(await stateOf(event.id, people[0]!.id)).toMatchObject({ state: "queued", attempts: 1 });
    await run(due + backoffMs(1));
    expect(await stateOf(event.id, people[0]!.id)).toMatchObject({ state: "sent", attempts: 2, lastError: null });
    expect(await sentTo(people[0]!.email)).toHaveLength(1);
  });

  it("fails at once on a permanent refusal, with the reason", async () => {
    const { event, people, due } = await peopleDueAt(1);
    await fakeAws.fault({
      service: "ses",
      operation: "SendEmail",
      status: 400,
      code: "MessageRejected",
      message: "Email address is not verified.",
    });
    expect(await run(due)).toMatchObject({ failed: 1 });
    const state = await stateOf(event.id, people[0]!.id);
    expect(state).toMatchObject({ state: "failed", attempts: 1 });
    expect(state.lastError).toBe("SES MessageRejected (400): Email address is not verified.");
  });

  it("sends no more than the configured rate in any second", async () => {
    const { people, due } = await peopleDueAt(23);
    const perSecond = new Map<number, number>();
    let clock = due;
    const sleeps: number[] = [];
    await run(
      due,
      {
        beforeSend: () =>
          void perSecond.set(
            Math.floor((clock - due) / 1000),
            (perSecond.get(Math.floor((clock - due) / 1000)) ?? 0) + 1,
          ),
      },
      {
        rate: 10,
        onSleep: (ms) => {
          sleeps.push(ms);
          clock += ms;
        },
      },
    );
    expect([...perSecond.values()]).toEqual([10, 10, 3]);
    expect(sleeps).toEqual([1000, 1000]);
    for (const p of people) expect(await sentTo(p.email)).toHaveLength(1);
  });
});

describe("the scheduler's alarm on the SES path", () => {
  beforeEach(() => fakeAws.reset());

  it("e-mails a new registration's link through SES", async () => {
    const event = await createEvent({ startsInMs: HOUR });
    const res = await call(`/api/events/${event.slug}/registrations`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "CF-Connecting-IP": freshIp() },
      body: JSON.stringify({ name: "Sam Ses", email: "sam@example.com", answers: { ticket: "vip", terms: true } }),
    });
    expect(res.status).toBe(201);
    await runScheduler();
    await expect.poll(async () => (await sentTo("sam@example.com")).length).toBe(1);
  });

  it("has no local outbox to read", async () => {
    const res = await adminJson<{ error: { code: string } }>("/api/admin/outbox");
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("conflict");
  });
});
