import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { AdminEvent, AdminSession } from "../../core/contract/index";
import { database } from "../../server/db/client";
import { insertWithinCapacity } from "../../server/db/registrations";
import { addSession, adminJson, call, createEvent, freshIp, ownerSession, register } from "./helpers";
import { as, invite, sessionOf } from "./organizers/world";

type Copy = AdminEvent & { sessions: AdminSession[] };
type ErrorBody = { error: { code: string; fields?: Record<string, string> } };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let n = 0;
const slug = () => `copy-${Date.now().toString(36)}-${++n}`;

const person = (email: string) => ({ name: "Ada", email, answers: { ticket: "vip", terms: true } });

/** An event with a stage, its stream room, a breakout for those who chose it, prepared items and a registration. */
async function original() {
  const event = await createEvent({ startsInMs: 10 * DAY });
  const at = (h: number) => new Date(event.startsAt + h * HOUR).toISOString();
  const stage = await addSession(event.id, { kind: "stage", title: "Main", startsAt: at(0), endsAt: at(2) });
  const room = await addSession(event.id, {
    kind: "stream-room",
    title: "Green room",
    startsAt: at(0),
    endsAt: at(2),
    parentSessionId: stage.id,
  });
  const breakout = await addSession(event.id, {
    kind: "breakout",
    title: { en: "Workshop", nl: "Werkplaats" },
    startsAt: at(2),
    endsAt: at(3),
    selectable: true,
    capacity: 20,
    audience: { kind: "attributes", conditions: [{ attribute: "ticket", op: "eq", values: ["vip"] }] },
  });
  for (const body of [
    { kind: "poll", definition: { question: "Ready?", kind: "single", options: ["Yes", "No"] } },
    { kind: "wordcloud", definition: { prompt: "One word" } },
  ]) {
    const res = await adminJson(`/api/admin/sessions/${stage.id}/prepared`, { method: "POST", json: body });
    expect(res.status).toBe(201);
  }
  await adminJson(`/api/admin/events/${event.id}/networking`, {
    method: "PUT",
    json: { organisationAttribute: "organisation", directoryAttributes: ["interests"] },
  });
  expect((await register(event.slug, { ...person("ada@copy.test"), selections: [breakout.id] })).status).toBe(201);
  return { event, stage, room, breakout };
}

describe("duplicating an event", () => {
  it("copies settings, form, programme and prepared items with new ids and moved times, but no people", async () => {
    const { event, stage, room, breakout } = await original();
    const newStart = event.startsAt + 30 * DAY + HOUR;
    const res = await adminJson<Copy>(`/api/admin/events/${event.id}/duplicate`, {
      method: "POST",
      json: { slug: slug(), startsAt: new Date(newStart).toISOString(), title: { en: "Again", nl: "Opnieuw" } },
    });
    expect(res.status).toBe(201);
    const copy = res.body;
    const before = (await adminJson<Copy>(`/api/admin/events/${event.id}`)).body;
    expect(copy.id).not.toBe(event.id);
    expect(copy.title).toEqual({ en: "Again", nl: "Opnieuw" });
    expect(copy.fields).toEqual(before.fields);
    expect(copy.timezone).toBe(before.timezone);
    expect(Date.parse(copy.startsAt)).toBe(newStart);
    expect(Date.parse(copy.endsAt) - Date.parse(copy.startsAt)).toBe(event.endsAt - event.startsAt);

    // Sessions: new ids, the stream room points at the copy's stage, times moved by the same amount.
    const shift = newStart - event.startsAt;
    expect(copy.sessions).toHaveLength(3);
    const oldIds = [stage.id, room.id, breakout.id];
    for (const s of copy.sessions) expect(oldIds).not.toContain(s.id);
    const byTitle = (t: string) => copy.sessions.find((s) => JSON.stringify(s.title).includes(t))!;
    const [cStage, cRoom, cBreakout] = [byTitle("Main"), byTitle("Green room"), byTitle("Workshop")];
    expect(cRoom.parentSessionId).toBe(cStage.id);
    for (const [c, o] of [
      [cStage, stage.id],
      [cBreakout, breakout.id],
    ] as const) {
      const old = before.sessions.find((s) => s.id === o)!;
      expect(Date.parse(c.startsAt) - Date.parse(old.startsAt)).toBe(shift);
      expect(Date.parse(c.endsAt) - Date.parse(old.endsAt)).toBe(shift);
    }
    expect(cBreakout).toMatchObject({ selectable: true, capacity: 20, title: { en: "Workshop", nl: "Werkplaats" } });
    expect(cBreakout.audience).toEqual(before.sessions.find((s) => s.id === breakout.id)!.audience);

    // Prepared items are the copy stage's own; the original keeps its own.
    const prepared = await adminJson<{ items: { id: string; sessionId: string; kind: string }[] }>(
      `/api/admin/sessions/${cStage.id}/prepared`,
    );
    expect(prepared.body.items.map((p) => p.kind).sort()).toEqual(["poll", "wordcloud"]);
    const originalPrepared = await adminJson<{ items: { id: string }[] }>(`/api/admin/sessions/${stage.id}/prepared`);
    expect(originalPrepared.body.items).toHaveLength(2);
    expect(prepared.body.items.map((p) => p.id)).not.toContain(originalPrepared.body.items[0]!.id);
    expect(prepared.body.items.every((p) => p.sessionId === cStage.id)).toBe(true);

    const networking = await adminJson<{ directoryAttributes: string[] }>(`/api/admin/events/${copy.id}/networking`);
    expect(networking.body.directoryAttributes).toEqual(["interests"]);

    // Never people.
    const people = await adminJson<{ items: unknown[] }>(`/api/admin/events/${copy.id}/registrations`);
    expect(people.body.items).toEqual([]);
    const rows = await env.DB.prepare("SELECT count(*) AS n FROM invitations WHERE event_id = ?").bind(copy.id).first();
    expect(rows?.n).toBe(0);

    // And the audit says where it came from.
    const audit = await env.DB.prepare(
      "SELECT details FROM audit_log WHERE action = 'event.duplicate' AND event_id = ?",
    )
      .bind(copy.id)
      .first<{ details: string }>();
    expect(JSON.parse(audit!.details)).toMatchObject({ from: event.id });
  });

  it("refuses a slug already taken, naming the field, and writes nothing", async () => {
    const { event } = await original();
    const other = await createEvent();
    const before = await env.DB.prepare("SELECT count(*) AS n FROM events").first<{ n: number }>();
    const res = await adminJson<ErrorBody>(`/api/admin/events/${event.id}/duplicate`, {
      method: "POST",
      json: { slug: other.slug, startsAt: new Date(event.startsAt + DAY).toISOString() },
    });
    expect(res.status).toBe(409);
    expect(res.body.error.fields).toHaveProperty("slug");
    const after = await env.DB.prepare("SELECT count(*) AS n FROM events").first<{ n: number }>();
    expect(after?.n).toBe(before?.n);
  });

  it("is refused to a viewer of the workspace", async () => {
    const { cookie, workspaceId } = await ownerSession();
    const event = await createEvent();
    const viewerId = await invite({ cookie }, workspaceId, {
      email: `viewer-${++n}@copy.test`,
      name: "Vera Viewer",
      role: "viewer",
    });
    const viewer = { cookie: await sessionOf(viewerId) };
    const res = await as(viewer, `/api/admin/events/${event.id}/duplicate`, {
      method: "POST",
      json: { slug: slug(), startsAt: new Date(event.startsAt + DAY).toISOString() },
    });
    expect(res.status).toBe(403);
    // A viewer still sees the event: refused for the role, not hidden.
    expect((await as(viewer, `/api/admin/events/${event.id}`)).status).toBe(200);
  });
});

describe("an event's capacity", () => {
  it("refuses the registration past capacity with event_full and writes no row", async () => {
    const event = await createEvent();
    const patch = await adminJson<AdminEvent>(`/api/admin/events/${event.id}`, {
      method: "PATCH",
      json: { capacity: 2 },
    });
    expect(patch.status).toBe(200);
    expect(patch.body.capacity).toBe(2);
    for (const email of ["a@cap.test", "b@cap.test"]) {
      expect((await register(event.slug, person(email), freshIp())).status).toBe(201);
    }
    const res = await register(event.slug, person("c@cap.test"), freshIp());
    expect(res.status).toBe(409);
    expect(((await res.json()) as ErrorBody).error.code).toBe("event_full");
    const rows = await env.DB.prepare("SELECT email FROM registrations WHERE event_id = ?").bind(event.id).all();
    expect(rows.results.map((r) => r.email).sort()).toEqual(["a@cap.test", "b@cap.test"]);
    // Someone already registered may still register again (it changes their place, not adds one).
    expect((await register(event.slug, person("a@cap.test"), freshIp())).status).toBe(201);
    // The registration page knows before anyone fills the form in.
    const publicView = await (await call(`/api/events/${event.slug}`)).json();
    expect(publicView).toMatchObject({ full: true, registrationOpen: true });
    const list = await adminJson<{ items: AdminEvent[] }>("/api/admin/events");
    expect(list.body.items.find((e) => e.id === event.id)?.registrations).toBe(2);
    // Unlimited again.
    await adminJson(`/api/admin/events/${event.id}`, { method: "PATCH", json: { capacity: null } });
    expect((await register(event.slug, person("c@cap.test"), freshIp())).status).toBe(201);
  });

  it("counts the last place again as it writes, so a registration counted before another one landed is refused", async () => {
    const event = await createEvent();
    await adminJson(`/api/admin/events/${event.id}`, { method: "PATCH", json: { capacity: 1 } });
    const db = database(env.DB);
    const at = Date.now();
    const row = (id: string, email: string) => ({
      id,
      eventId: event.id,
      email,
      emailNorm: email,
      name: "Ada",
      createdAt: at,
      updatedAt: at,
    });
    // Both callers counted 0 of 1 a moment ago; only the first write may take the place.
    expect((await insertWithinCapacity(db, row("reg_cap_first", "first@race.test"), 1))?.id).toBe("reg_cap_first");
    expect(await insertWithinCapacity(db, row("reg_cap_second", "second@race.test"), 1)).toBeUndefined();
    const rows = await env.DB.prepare("SELECT email FROM registrations WHERE event_id = ?").bind(event.id).all();
    expect(rows.results.map((r) => r.email)).toEqual(["first@race.test"]);
    // Through the form the second person hears the event is full.
    const res = await register(event.slug, person("second@race.test"), freshIp());
    expect(res.status).toBe(409);
  });
});
