import { describe, expect, it } from "vitest";
import type { AdminRegistration, InvitationView, Page, RegistrationPage } from "../../core/contract/index";
import { adminJson, call, createEvent, linkIn, outboxFor, seedDemo, signIn } from "./helpers";
import { runScheduler } from "./scheduler";

const HOUR = 3_600_000;

async function addPerson(
  eventId: string,
  email: string,
  extra: Record<string, unknown> = {},
): Promise<AdminRegistration> {
  const { status, body } = await adminJson<AdminRegistration>(`/api/admin/events/${eventId}/registrations`, {
    method: "POST",
    json: { name: `Person ${email}`, email, attributes: { ticket: "standard" }, ...extra },
  });
  expect(status).toBe(201);
  return body;
}

async function invitationsOf(eventId: string, registrationId?: string): Promise<InvitationView[]> {
  const query = registrationId ? `?registrationId=${registrationId}` : "";
  const { body } = await adminJson<Page<InvitationView>>(`/api/admin/events/${eventId}/invitations${query}`);
  return body.items;
}

async function sentTo(email: string, count = 1) {
  await runScheduler();
  await expect.poll(async () => (await outboxFor(email)).length).toBe(count);
  return outboxFor(email);
}

describe("invitations through the local outbox", () => {
  it("sends the demo's invitations, one personalised e-mail per person in their language", async () => {
    const { people } = await seedDemo();
    for (const person of people) await sentTo(person.email);
    const [pim] = await outboxFor("pim@demo.foyer.test");
    expect(pim!.subject).toBe("Je persoonlijke link voor Foyer Demodag");
    expect(pim!.text).toContain("Hallo Pim Producer,");
    const [bram] = await outboxFor("bram@demo.foyer.test");
    const [ada] = await outboxFor("ada@demo.foyer.test");
    // Bram's standard ticket keeps the VIP breakout out of his programme; Ada's VIP ticket shows it.
    expect(bram!.text).not.toContain("building for the edge");
    expect(ada!.text).toContain("Breakout: building for the edge");
    expect(ada!.text).toMatch(/\/api\/calendar\/[\w.-]+/);
    // The link in the e-mail signs Ada in.
    const cookie = await signIn(linkIn(ada!.text)!);
    const me = (await (await call("/api/me", { headers: { Cookie: cookie } })).json()) as {
      registration: { name: string };
    };
    expect(me.registration.name).toBe("Ada Lovelace");
  });

  it("seeding the demo again sends nobody a second invitation", async () => {
    await seedDemo();
    await sentTo("mia@demo.foyer.test");
    await seedDemo();
    await runScheduler();
    expect(await outboxFor("mia@demo.foyer.test")).toHaveLength(1);
    const all = await invitationsOf("demo");
    expect(all.filter((i) => i.registration?.email === "mia@demo.foyer.test")).toHaveLength(1);
  });

  it("escapes names and titles in the HTML part and keeps them readable in the text part", async () => {
    const event = await createEvent({ startsInMs: HOUR });
    await adminJson(`/api/admin/events/${event.id}`, { method: "PATCH", json: { title: `Q&A <b>night</b>` } });
    const person = await addPerson(event.id, "hostile@example.com", {
      name: `<img src=x onerror=alert(1)> "Bob" & co`,
    });
    const [mail] = await sentTo(person.email);
    expect(mail!.html).not.toContain("<img src=x");
    expect(mail!.html).not.toContain("<b>night</b>");
    expect(mail!.html).toContain("&#60;img src=x onerror=alert(1)&#62; &#34;Bob&#34; &#38; co");
    expect(mail!.text).toContain(`Hello <img src=x onerror=alert(1)> "Bob" & co,`);
    expect(mail!.subject).toBe("Your personal link for Q&A <b>night</b>");
  });

  it("queues everyone's invitation for the event's lead time and follows changes to it", async () => {
    const event = await createEvent({ startsInMs: 48 * HOUR });
    const person = await addPerson(event.id, "lead@example.com");
    const [queued] = await invitationsOf(event.id, person.id);
    expect(queued).toMatchObject({ kind: "invitation", state: "queued", attempts: 0, linkVersion: 1 });
    expect(Date.parse(queued!.dueAt)).toBe(event.startsAt - 3 * HOUR);

    await adminJson(`/api/admin/events/${event.id}`, { method: "PATCH", json: { inviteLeadMinutes: 60 } });
    const [moved] = await invitationsOf(event.id, person.id);
    expect(Date.parse(moved!.dueAt)).toBe(event.startsAt - HOUR);
    expect(await outboxFor(person.email)).toHaveLength(0);
  });

  it("sends now to a filtered set only, reports what it did, and resends only when asked", async () => {
    const event = await createEvent();
    const mod = await addPerson(event.id, "mod@example.com", { role: "moderator" });
    const guest = await addPerson(event.id, "guest@example.com");

    const first = await adminJson<{ matched: number; queued: number; rescheduled: number }>(
      `/api/admin/events/${event.id}/invitations`,
      {
        method: "POST",
        json: { when: "now", role: "moderator" },
      },
    );
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ matched: 1, queued: 0, rescheduled: 1 });
    await sentTo(mod.email);
    expect((await invitationsOf(event.id, mod.id))[0]).toMatchObject({ state: "sent", attempts: 1, lastError: null });
    expect((await invitationsOf(event.id, guest.id))[0]!.state).toBe("queued");
    expect(await outboxFor(guest.email)).toHaveLength(0);

    const again = await adminJson<{ skipped: { alreadySent: number } }>(`/api/admin/events/${event.id}/invitations`, {
      method: "POST",
      json: { registrationIds: [mod.id] },
    });
    expect(again.body.skipped.alreadySent).toBe(1);
    const resend = await adminJson<{ queued: number }>(`/api/admin/events/${event.id}/invitations`, {
      method: "POST",
      json: { registrationIds: [mod.id], resend: true },
    });
    expect(resend.body.queued).toBe(1);
    await sentTo(mod.email, 2);
  });

  it("counts in the list whom sending would reach: not those sent, nor revoked links", async () => {
    const event = await createEvent();
    const [sent, waiting, revoked] = await Promise.all(
      ["sent@example.com", "waiting@example.com", "revoked@example.com"].map((e) => addPerson(event.id, e)),
    );
    const list = async (query = "") =>
      (await adminJson<RegistrationPage>(`/api/admin/events/${event.id}/registrations?limit=50${query}`)).body;
    expect(await list()).toMatchObject({ total: 3, invitable: 3 });
    await adminJson(`/api/admin/events/${event.id}/invitations`, {
      method: "POST",
      json: { when: "now", registrationIds: [sent!.id] },
    });
    await sentTo(sent!.email);
    await adminJson(`/api/admin/events/${event.id}/registrations/${revoked!.id}/link/revoke`, { method: "POST" });
    expect(await list()).toMatchObject({ total: 3, invitable: 1 });
    // The count follows the list's filter, as "send to these N" does.
    expect(await list(`&q=${encodeURIComponent(waiting!.email)}`)).toMatchObject({ total: 1, invitable: 1 });
    expect(await list("&invitation=sent")).toMatchObject({ total: 1, invitable: 0 });
  });

  it("schedules for a given time and back to the lead time", async () => {
    const event = await createEvent();
    const person = await addPerson(event.id, "later@example.com");
    const at = new Date(Date.now() + 24 * HOUR).toISOString().replace(/\.\d{3}Z$/, "Z");
    const res = await adminJson<{ sendAt: string }>(`/api/admin/events/${event.id}/invitations`, {
      method: "POST",
      json: { when: at },
    });
    expect(res.body.sendAt).toBe(new Date(at).toISOString());
    expect((await invitationsOf(event.id, person.id))[0]!.dueAt).toBe(new Date(at).toISOString());
    await adminJson(`/api/admin/events/${event.id}/invitations`, { method: "POST", json: { when: "lead-time" } });
    expect(Date.parse((await invitationsOf(event.id, person.id))[0]!.dueAt)).toBe(event.startsAt - 3 * HOUR);
  });

  it("refuses unknown registrations and bad times naming the field", async () => {
    const event = await createEvent();
    const unknown = await adminJson<{ error: { fields: Record<string, string> } }>(
      `/api/admin/events/${event.id}/invitations`,
      {
        method: "POST",
        json: { registrationIds: ["reg_nope"] },
      },
    );
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.fields.registrationIds).toContain("reg_nope");
    const badTime = await adminJson<{ error: { fields: Record<string, string> } }>(
      `/api/admin/events/${event.id}/invitations`,
      {
        method: "POST",
        json: { when: "tomorrow-ish" },
      },
    );
    expect(badTime.status).toBe(422);
    expect(Object.keys(badTime.body.error.fields)).toEqual(["when"]);
  });

  it("sends the new link after a rotation; the old one stops working", async () => {
    const event = await createEvent({ startsInMs: HOUR });
    const person = await addPerson(event.id, "rotate@example.com");
    const [first] = await sentTo(person.email);
    const oldLink = linkIn(first!.text)!;
    expect((await call(new URL(oldLink).pathname, { redirect: "manual" })).status).toBe(303);

    const rotated = await adminJson<{ link: string; registration: AdminRegistration }>(
      `/api/admin/events/${event.id}/registrations/${person.id}/link/rotate`,
      { method: "POST" },
    );
    expect(rotated.status).toBe(200);
    expect(rotated.body.registration.linkVersion).toBe(2);
    const mails = await sentTo(person.email, 2);
    const newLink = linkIn(mails[0]!.text)!;
    expect(newLink).not.toBe(oldLink);
    expect(newLink).toBe(rotated.body.link);
    expect((await call(new URL(oldLink).pathname, { redirect: "manual" })).status).toBe(410);
    expect((await call(new URL(newLink).pathname, { redirect: "manual" })).status).toBe(303);
    const states = await invitationsOf(event.id, person.id);
    expect(states.map((i) => [i.linkVersion, i.state])).toEqual([
      [2, "sent"],
      [1, "sent"],
    ]);
  });

  it("never mails a revoked link: waiting invitations fail with the reason", async () => {
    const event = await createEvent();
    const person = await addPerson(event.id, "revoke@example.com");
    const revoked = await adminJson<{ registration: AdminRegistration }>(
      `/api/admin/events/${event.id}/registrations/${person.id}/link/revoke`,
      { method: "POST" },
    );
    expect(revoked.body.registration.linkStatus).toBe("revoked");
    const [inv] = await invitationsOf(event.id, person.id);
    expect(inv).toMatchObject({ state: "failed" });
    expect(inv!.lastError).toMatch(/revoked/);
    const send = await adminJson<{ skipped: { revoked: number } }>(`/api/admin/events/${event.id}/invitations`, {
      method: "POST",
      json: {},
    });
    expect(send.body.skipped.revoked).toBe(1);
  });

  it("pages through the outbox and filters it by event", async () => {
    const event = await createEvent({ startsInMs: HOUR });
    for (const n of [1, 2, 3]) await addPerson(event.id, `page${n}@example.com`);
    await runScheduler();
    await expect
      .poll(async () => (await adminJson<Page<unknown>>(`/api/admin/outbox?eventId=${event.id}`)).body.total)
      .toBe(3);
    const first = await adminJson<Page<{ id: string }>>(`/api/admin/outbox?eventId=${event.id}&limit=2`);
    expect(first.body.items).toHaveLength(2);
    const second = await adminJson<Page<{ id: string }>>(
      `/api/admin/outbox?eventId=${event.id}&limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    const ids = [...first.body.items, ...second.body.items].map((m) => m.id);
    expect(new Set(ids).size).toBe(3);
    const bad = await adminJson<{ error: { fields: Record<string, string> } }>(`/api/admin/outbox?cursor=nonsense`);
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields.cursor).toBeDefined();
  });
});
