import { describe, expect, it } from "vitest";
import type {
  AdminRegistration,
  InvitationView,
  Page,
  PublicEvent,
  RegistrationResult,
} from "../../core/contract/index";
import { addSession, adminJson, call, createEvent, freshIp, linkIn, outboxFor, register, signIn } from "./helpers";
import { runScheduler } from "./scheduler";

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };
const HOUR = 3_600_000;
const answers = { ticket: "vip", terms: true };

async function kinds(eventId: string, registrationId: string): Promise<string[]> {
  const { body } = await adminJson<Page<InvitationView>>(
    `/api/admin/events/${eventId}/invitations?registrationId=${registrationId}`,
  );
  return body.items.map((i) => `${i.kind}:${i.state}`).sort();
}

describe("public registration", () => {
  it("shows the event, its form and the sessions to choose from", async () => {
    const event = await createEvent();
    await addSession(event.id, {
      kind: "stage",
      title: "Keynote",
      startsAt: new Date(event.startsAt).toISOString(),
      endsAt: new Date(event.startsAt + HOUR).toISOString(),
    });
    const workshop = await addSession(event.id, {
      kind: "breakout",
      title: "Workshop",
      startsAt: new Date(event.startsAt).toISOString(),
      endsAt: new Date(event.startsAt + HOUR).toISOString(),
      selectable: true,
      capacity: 1,
    });
    const res = await call(`/api/events/${event.slug}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as PublicEvent;
    expect(body).toMatchObject({ slug: event.slug, registrationOpen: true, timezone: "Europe/Amsterdam" });
    expect(body.fields.map((f) => f.key)).toEqual(["ticket", "organisation", "interests", "terms"]);
    expect(body.choices).toEqual([expect.objectContaining({ id: workshop.id, title: "Workshop", full: false })]);
    expect(body.startsAtLocal).toMatch(/[+-]\d{2}:\d{2}$/);

    expect(
      (await register(event.slug, { name: "First", email: "first@example.com", answers, selections: [workshop.id] }))
        .status,
    ).toBe(201);
    expect(((await (await call(`/api/events/${event.slug}`)).json()) as PublicEvent).choices[0]!.full).toBe(true);
    const late = await register(event.slug, {
      name: "Late",
      email: "late@example.com",
      answers,
      selections: [workshop.id],
    });
    expect(late.status).toBe(422);
    expect(((await late.json()) as ErrorBody).error.fields).toEqual({ selections: '"Workshop" is full' });
  });

  it("registers, answers 201 with the registration, confirms by e-mail now and invites at the lead time", async () => {
    const event = await createEvent();
    const res = await register(event.slug, {
      name: "Ada Lovelace",
      email: "Ada@Example.com",
      language: "nl",
      answers: { ...answers, interests: ["ai"] },
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as RegistrationResult;
    expect(body).toEqual({
      registration: {
        id: expect.stringMatching(/^reg_/),
        name: "Ada Lovelace",
        email: "Ada@Example.com",
        language: "nl",
        answers: { ticket: "vip", interests: ["ai"], terms: "yes" },
        selections: [],
      },
      emailedTo: "Ada@Example.com",
    });
    expect(await kinds(event.id, body.registration.id)).toEqual(["confirmation:queued", "invitation:queued"]);
    await runScheduler();
    await expect.poll(async () => (await outboxFor("Ada@Example.com")).length).toBe(1);
    const [mail] = await outboxFor("Ada@Example.com");
    expect(mail!.subject).toMatch(/^Je bent ingeschreven voor/);
    expect(await kinds(event.id, body.registration.id)).toEqual(["confirmation:sent", "invitation:queued"]);
  });

  it("sends the invitation at once when registering after the lead time, and only that", async () => {
    const event = await createEvent({ startsInMs: HOUR });
    const res = await register(event.slug, { name: "Just in time", email: "jit@example.com", answers });
    const { registration } = (await res.json()) as RegistrationResult;
    expect(await kinds(event.id, registration.id)).toEqual(["invitation:queued"]);
    await runScheduler();
    await expect.poll(async () => (await outboxFor("jit@example.com")).length).toBe(1);
    const cookie = await signIn(linkIn((await outboxFor("jit@example.com"))[0]!.text)!);
    expect((await call("/api/me", { headers: { Cookie: cookie } })).status).toBe(200);
  });

  it("is idempotent: the same e-mail keeps one registration, takes the new answers, keeps organizer attributes and sends a fresh link", async () => {
    const event = await createEvent({ startsInMs: HOUR });
    const first = (await (
      await register(event.slug, { name: "Bram", email: "bram@example.com", answers })
    ).json()) as RegistrationResult;
    await runScheduler();
    await expect.poll(async () => (await outboxFor("bram@example.com")).length).toBe(1);
    await adminJson(`/api/admin/events/${event.id}/registrations/${first.registration.id}`, {
      method: "PATCH",
      json: { attributes: { ticket: "vip", badge: "press" } },
    });

    const again = await register(event.slug, {
      name: "Bram de Vries",
      email: " BRAM@example.com ",
      answers: { ticket: "standard", terms: true, organisation: "Polder" },
    });
    expect(again.status).toBe(201);
    const second = (await again.json()) as RegistrationResult;
    expect(second.registration.id).toBe(first.registration.id);
    const list = await adminJson<Page<AdminRegistration>>(`/api/admin/events/${event.id}/registrations`);
    expect(list.body.total).toBe(1);
    expect(list.body.items[0]).toMatchObject({
      name: "Bram de Vries",
      attributes: { ticket: "standard", terms: "yes", organisation: "Polder", badge: "press" },
    });
    await runScheduler();
    await expect.poll(async () => (await outboxFor("bram@example.com")).length).toBe(2);
    // The fresh e-mail carries a working link, and the earlier link still works (not rotated).
    const [fresh, old] = await outboxFor("bram@example.com");
    expect(fresh!.subject).toMatch(/^You are registered/);
    await signIn(linkIn(fresh!.text)!);
    await signIn(linkIn(old!.text)!);

    // Registering a third time right away does not flood the inbox.
    await register(event.slug, { name: "Bram de Vries", email: "bram@example.com", answers });
    await runScheduler();
    expect(await outboxFor("bram@example.com")).toHaveLength(2);
  });

  it("names each bad field with 422 and writes nothing", async () => {
    const event = await createEvent();
    const res = await register(event.slug, {
      name: " ",
      email: "nope",
      answers: { ticket: "gold", interests: "cooking" },
      selections: ["ses_x"],
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe("validation_failed");
    expect(Object.keys(body.error.fields!).sort()).toEqual([
      "answers.interests",
      "answers.terms",
      "answers.ticket",
      "email",
      "name",
      "selections",
    ]);
    const shape = await register(event.slug, { name: 42, answers: "all of them" });
    expect(shape.status).toBe(422);
    expect(Object.keys(((await shape.json()) as ErrorBody).error.fields!).sort()).toEqual(["answers", "email", "name"]);
    expect((await adminJson<Page<unknown>>(`/api/admin/events/${event.id}/registrations`)).body.total).toBe(0);
  });

  it("answers unknown, closed and ended events clearly", async () => {
    const unknown = await register("no-such-event", { name: "X", email: "x@example.com" });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as ErrorBody).error.message).toContain("/e/no-such-event");
    expect((await call("/api/events/no-such-event")).status).toBe(404);

    const closed = await createEvent({ registrationOpen: false });
    const res = await register(closed.slug, { name: "X", email: "x@example.com", answers });
    expect(res.status).toBe(409);
    expect(((await res.json()) as ErrorBody).error.code).toBe("registration_closed");

    const past = await createEvent({ startsInMs: -5 * HOUR, durationMs: HOUR });
    const ended = await register(past.slug, { name: "X", email: "x@example.com", answers });
    expect(ended.status).toBe(409);
    expect(((await ended.json()) as ErrorBody).error.message).toContain("has ended");
    expect(((await (await call(`/api/events/${past.slug}`)).json()) as PublicEvent).registrationOpen).toBe(false);
  });

  it("refuses a registration the organizer withdrew", async () => {
    const event = await createEvent();
    const { registration } = (await (
      await register(event.slug, { name: "Gone", email: "gone@example.com", answers })
    ).json()) as RegistrationResult;
    await adminJson(`/api/admin/events/${event.id}/registrations/${registration.id}/link/revoke`, { method: "POST" });
    const again = await register(event.slug, { name: "Gone", email: "gone@example.com", answers });
    expect(again.status).toBe(403);
  });

  it("stops a flood from one address with 429 while others still register", async () => {
    const event = await createEvent();
    const ip = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++)
      statuses.push(
        (await register(event.slug, { name: `Bot ${i}`, email: `bot${i}@example.com`, answers }, ip)).status,
      );
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(201));
    expect(statuses.slice(10)).toEqual([429, 429]);
    const limited = await register(event.slug, { name: "Bot", email: "bot@example.com", answers }, ip);
    expect(limited.headers.get("Retry-After")).toBe("60");
    expect(((await limited.json()) as ErrorBody).error.code).toBe("rate_limited");
    expect((await register(event.slug, { name: "Human", email: "human@example.com", answers })).status).toBe(201);
  });
});
