import { describe, expect, it } from "vitest";
import type { AdminEvent, AdminSession, MeResponse, ProgrammeResponse, PublicEvent } from "../../core/contract/index";
import { adminJson, call, linkIn, outboxFor, register, seedDemo, signIn } from "./helpers";
import { runScheduler } from "./scheduler";

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };
const HOUR = 3_600_000;
let counter = 0;

/** An event in English and Dutch, with a plain-string session beside a per-language one. */
async function bilingualEvent(o: { startsInMs?: number } = {}) {
  const startsAt = Date.now() + (o.startsInMs ?? 48 * HOUR);
  const at = (h: number) => new Date(startsAt + h * HOUR).toISOString();
  const slug = `lang-${Date.now().toString(36)}-${++counter}`;
  const created = await adminJson<AdminEvent>("/api/admin/events", {
    method: "POST",
    json: {
      slug,
      title: { en: "Open day", nl: "Open dag" },
      description: "Plain description",
      timezone: "Europe/Amsterdam",
      startsAt: at(0),
      endsAt: at(4),
      fields: [
        {
          kind: "choice",
          key: "ticket",
          label: { en: "Ticket type", nl: "Soort kaartje" },
          required: true,
          options: ["standard", "vip", "press"],
          optionLabels: { standard: { en: "Standard", nl: "Standaard" }, vip: "VIP" },
        },
        { kind: "text", key: "company", label: "Company", required: false },
        {
          kind: "consent",
          key: "terms",
          label: { en: "I accept the terms", nl: "Ik ga akkoord met de voorwaarden" },
          required: true,
        },
      ],
    },
  });
  expect(created.status).toBe(201);
  const session = async (body: Record<string, unknown>) =>
    (await adminJson<AdminSession>(`/api/admin/events/${created.body.id}/sessions`, { method: "POST", json: body }))
      .body;
  const keynote = await session({ kind: "stage", title: "Keynote", startsAt: at(0), endsAt: at(1) });
  const workshop = await session({
    kind: "breakout",
    title: { en: "Workshop: edge", nl: "Werksessie: edge" },
    description: { en: "Hands-on.", nl: "Zelf aan de slag." },
    startsAt: at(1),
    endsAt: at(2),
    selectable: true,
  });
  return { event: created.body, keynote, workshop };
}

describe("organizer texts in several languages", () => {
  it("takes a plain string (the event's first language) or a text per language, and gives each back as given", async () => {
    const { event, keynote, workshop } = await bilingualEvent();
    expect(event).toMatchObject({
      title: { en: "Open day", nl: "Open dag" },
      description: "Plain description",
      defaultLanguage: "en",
      languages: ["en", "nl"],
    });
    expect(event.fields[0]).toMatchObject({
      label: { en: "Ticket type", nl: "Soort kaartje" },
      optionLabels: { vip: "VIP" },
    });
    expect(event.fields[1]!.label).toBe("Company");
    expect(keynote).toMatchObject({ title: "Keynote", description: "" });
    expect(workshop).toMatchObject({
      title: { en: "Workshop: edge", nl: "Werksessie: edge" },
      description: { en: "Hands-on.", nl: "Zelf aan de slag." },
    });
    const stored = await adminJson<AdminEvent & { sessions: AdminSession[] }>(`/api/admin/events/${event.id}`);
    expect(stored.body.sessions.map((s) => s.title)).toEqual([
      "Keynote",
      { en: "Workshop: edge", nl: "Werksessie: edge" },
    ]);

    // A plain string again replaces the texts per language; leaving a text out keeps it.
    const patched = await adminJson<AdminSession>(`/api/admin/events/${event.id}/sessions/${workshop.id}`, {
      method: "PATCH",
      json: { title: "Workshop" },
    });
    expect(patched.body).toMatchObject({
      title: "Workshop",
      description: { en: "Hands-on.", nl: "Zelf aan de slag." },
    });
    const dutchFirst = await adminJson<AdminEvent>(`/api/admin/events/${event.id}`, {
      method: "PATCH",
      json: { defaultLanguage: "nl" },
    });
    expect(dutchFirst.body).toMatchObject({
      defaultLanguage: "nl",
      languages: ["nl", "en"],
      title: { en: "Open day", nl: "Open dag" },
    });
  });

  it("names each problem down to its language", async () => {
    const base = {
      slug: `bad-${Date.now().toString(36)}`,
      startsAt: "2030-01-01T10:00:00Z",
      endsAt: "2030-01-01T12:00:00Z",
    };
    const text = (label: unknown) => ({ kind: "text", key: `q${++counter}`, label, required: false });
    const res = await adminJson<ErrorBody>("/api/admin/events", {
      method: "POST",
      json: {
        ...base,
        title: { en: "Fine", fr: "Bien" },
        description: { nl: 42 },
        fields: [
          text("Plain"),
          {
            kind: "choice",
            key: "ticket",
            label: "Ticket",
            required: true,
            options: ["a", "b"],
            optionLabels: { gold: "Gold", a: { nl: "" } },
          },
          text({ en: "Name of your team", nl: "  " }),
          text({}),
        ],
      },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("validation_failed");
    expect(res.body.error.fields).toEqual({
      "title.fr": "is not a language of Foyer (en, nl)",
      "description.nl": "must be text",
      "fields.1.optionLabels.a.nl": "is required",
      "fields.1.optionLabels.gold": "is not one of the options (a, b)",
      "fields.2.label.nl": "is required",
      "fields.3.label": "needs a text in at least one language (en, nl)",
    });
    const languages = await adminJson<ErrorBody>("/api/admin/events", {
      method: "POST",
      json: { ...base, title: "T", languages: ["nl", "en"], defaultLanguage: "en" },
    });
    expect(languages.body.error.fields).toEqual({ defaultLanguage: "must be the first of languages (nl)" });
  });

  it("shows the public form in the language asked for, the event's first language otherwise, with every option labelled", async () => {
    const { event, workshop } = await bilingualEvent();
    const dutch = (await (await call(`/api/events/${event.slug}?lang=nl`)).json()) as PublicEvent;
    expect(dutch).toMatchObject({
      title: "Open dag",
      description: "Plain description",
      language: "nl",
      languages: ["en", "nl"],
    });
    expect(dutch.fields.map((f) => f.label)).toEqual(["Soort kaartje", "Company", "Ik ga akkoord met de voorwaarden"]);
    expect(dutch.fields[0]).toMatchObject({
      options: ["standard", "vip", "press"],
      optionLabels: { standard: "Standaard", vip: "VIP", press: "press" },
    });
    expect(dutch.choices).toEqual([
      expect.objectContaining({ id: workshop.id, title: "Werksessie: edge", description: "Zelf aan de slag." }),
    ]);
    const plain = (await (await call(`/api/events/${event.slug}`)).json()) as PublicEvent;
    expect(plain).toMatchObject({ title: "Open day", language: "en" });
    expect(plain.fields[0]!.label).toBe("Ticket type");
    const unknown = await call(`/api/events/${event.slug}?lang=fr`);
    expect(unknown.status).toBe(422);
    expect(((await unknown.json()) as ErrorBody).error.fields).toEqual({ lang: "must be one of en, nl" });
  });

  it("writes a Dutch registrant's e-mail, programme and calendar in Dutch, and another language on request", async () => {
    // Started an hour ago: the invitation is due at once and the programme has a live session.
    const { event, workshop } = await bilingualEvent({ startsInMs: -HOUR });
    const email = `nl-${++counter}@example.com`;
    const res = await register(event.slug, {
      name: "Sanne",
      email,
      language: "nl",
      answers: { ticket: "vip", terms: true },
      selections: [workshop.id],
    });
    expect(res.status).toBe(201);
    await runScheduler();
    await expect.poll(async () => (await outboxFor(email)).length).toBe(1);
    const [mail] = await outboxFor(email);
    expect(mail!.subject).toBe("Je persoonlijke link voor Open dag");
    expect(mail!.text).toContain("Werksessie: edge");
    expect(mail!.text).not.toContain("Workshop: edge");

    const cookie = await signIn(linkIn(mail!.text)!);
    const programme = (await (
      await call("/api/me/programme", { headers: { Cookie: cookie } })
    ).json()) as ProgrammeResponse;
    expect(programme.language).toBe("nl");
    expect(programme.sessions.map((s) => [s.title, s.description])).toEqual([
      ["Keynote", ""],
      ["Werksessie: edge", "Zelf aan de slag."],
    ]);
    const english = (await (
      await call("/api/me/programme?lang=en", { headers: { Cookie: cookie } })
    ).json()) as ProgrammeResponse;
    expect(english.sessions.map((s) => s.title)).toEqual(["Keynote", "Workshop: edge"]);
    const me = (await (await call("/api/me", { headers: { Cookie: cookie } })).json()) as MeResponse;
    expect(me.event.title).toBe("Open dag");
    const ics = await (await call("/api/me/calendar.ics", { headers: { Cookie: cookie } })).text();
    expect(ics).toContain("SUMMARY:Werksessie: edge");
    expect(ics).toContain("X-WR-CALNAME:Open dag");
  });
});

describe("the demo in Dutch", () => {
  it("gives Bram (Dutch) Dutch session titles and form labels, and Ada (English) English ones", async () => {
    const { people } = await seedDemo();
    const programmeOf = async (name: string) => {
      const cookie = await signIn(people.find((p) => p.name.startsWith(name))!.link);
      return (await (await call("/api/me/programme", { headers: { Cookie: cookie } })).json()) as ProgrammeResponse;
    };
    expect((await programmeOf("Bram")).sessions.map((s) => s.title)).toEqual([
      "Hoofdpodium: opening en keynote",
      "Deelsessie: ontwerpkritiek",
      "Netwerkcarrousel",
    ]);
    expect((await programmeOf("Ada")).sessions.map((s) => s.title)).toContain("Breakout: building for the edge");
    const form = (await (await call("/api/events/demo?lang=nl")).json()) as PublicEvent;
    expect(form.title).toBe("Foyer Demodag");
    expect(form.fields.map((f) => f.label)).toEqual(["Ticket", "Organisatie", "Interesses"]);
    expect(form.fields[0]).toMatchObject({ optionLabels: { standard: "Standaard", vip: "VIP", speaker: "Spreker" } });
  });
});
