import { describe, expect, it } from "vitest";
import type { AdminSession, ProgrammeResponse } from "../../core/contract/index";
import type { AudienceCount } from "../../core/contract/programme";
import { addSession, adminJson, call, createEvent, ownerSession, signIn } from "./helpers";
import { as, invite, sessionOf } from "./organizers/world";

const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** An upcoming event with a session per kind of rule, and five people whose programmes differ. */
async function seeded() {
  const event = await createEvent({ startsInMs: 24 * 60 * MIN, durationMs: 6 * 60 * MIN });
  const at = (m: number) => iso(event.startsAt + m * MIN);
  const add = (title: string, more: Record<string, unknown>) =>
    addSession(event.id, { kind: "breakout", title, startsAt: at(60), endsAt: at(120), ...more });
  const sessions = {
    stage: await add("Stage", { kind: "stage", startsAt: at(0), endsAt: at(180) }),
    vip: await add("VIP", {
      audience: { kind: "attributes", conditions: [{ attribute: "ticket", op: "eq", values: ["VIP "] }] },
    }),
    notVip: await add("Not VIP", {
      audience: { kind: "attributes", conditions: [{ attribute: "ticket", op: "not_in", values: ["vip"] }] },
    }),
    ai: await add("AI", {
      audience: { kind: "attributes", conditions: [{ attribute: "interests", op: "in", values: ["ai"] }] },
    }),
    chosen: await add("Chosen", { selectable: true, audience: { kind: "selected" } }),
  };
  const room = await add("Studio", { kind: "stream-room", parentSessionId: sessions.stage.id });
  const person = async (name: string, attributes: Record<string, unknown>, more: Record<string, unknown> = {}) => {
    const { body } = await adminJson<{ id: string }>(`/api/admin/events/${event.id}/registrations`, {
      method: "POST",
      json: { name, email: `${name.toLowerCase()}.${event.slug}@example.com`, attributes, ...more },
    });
    const { body: rotated } = await adminJson<{ link: string }>(
      `/api/admin/events/${event.id}/registrations/${body.id}/link/rotate`,
      { method: "POST" },
    );
    return signIn(rotated.link);
  };
  const people = [
    await person("Ada", { ticket: "vip", interests: ["ai", "design"] }, { selections: [sessions.chosen.id] }),
    await person("Bram", { ticket: "standard" }),
    await person("Chloe", { ticket: "standard", interests: ["design"] }, { selections: [sessions.chosen.id] }),
    await person("Dana", {}),
    await person("Mia", { ticket: "standard" }, { role: "moderator" }),
  ];
  return { event, sessions, room, people };
}

const count = (eventId: string, json: unknown) =>
  adminJson<AudienceCount>(`/api/admin/events/${eventId}/audience/count`, { method: "POST", json });

describe("a rule's reach in the console", () => {
  it("counts exactly the people whose portal programme holds the session", async () => {
    const { event, sessions, room, people } = await seeded();
    const programmes = await Promise.all(
      people.map(
        async (cookie) =>
          (await (await call("/api/me/programme", { headers: { Cookie: cookie } })).json()) as ProgrammeResponse,
      ),
    );
    const { body: listed } = await adminJson<{ items: AdminSession[] }>(`/api/admin/events/${event.id}/sessions`);
    for (const s of listed.items) {
      const inPortal = programmes.filter((p) => p.sessions.some((x) => x.id === s.id)).length;
      const { status, body } = await count(event.id, { rule: s.audience, kind: s.kind, sessionId: s.id });
      expect(status).toBe(200);
      expect(body, s.id).toEqual({ reached: inPortal, total: 5 });
    }
    // The numbers a user would notice: everyone; the VIP and the moderator; those who chose it.
    const reached = async (id: string) =>
      (await count(event.id, { rule: listed.items.find((s) => s.id === id)!.audience, sessionId: id })).body.reached;
    expect(await reached(sessions.stage.id)).toBe(5);
    expect(await reached(sessions.vip.id)).toBe(2);
    expect(await reached(sessions.notVip.id)).toBe(4);
    expect(await reached(sessions.ai.id)).toBe(2);
    expect(await reached(sessions.chosen.id)).toBe(3);
    // Stream rooms are in no one's programme; a rule for a session not saved yet has no selections.
    expect(
      (await count(event.id, { rule: { kind: "everyone" }, kind: "stream-room", sessionId: room.id })).body,
    ).toEqual({
      reached: 0,
      total: 5,
    });
    expect((await count(event.id, { rule: { kind: "selected" } })).body).toEqual({ reached: 1, total: 5 });
  });

  it("names the bad part of a rule", async () => {
    const { id } = await createEvent();
    const { status, body } = await count(id, {
      rule: { kind: "attributes", conditions: [{ attribute: "ticket", op: "eq", values: [] }] },
    });
    expect(status).toBe(422);
    expect(Object.keys((body as unknown as { error: { fields: Record<string, string> } }).error.fields)).toEqual([
      "rule.conditions.0.values",
    ]);
  });
});

describe("removing sessions", () => {
  it("removes an upcoming session and leaves its stream room orphaned; refuses one that has started", async () => {
    const { event, sessions, room } = await seeded();
    const del = (id: string) => adminJson(`/api/admin/events/${event.id}/sessions/${id}`, { method: "DELETE" });
    expect((await del(sessions.stage.id)).status).toBe(200);
    const { body } = await adminJson<{ items: AdminSession[] }>(`/api/admin/events/${event.id}/sessions`);
    expect(body.items.map((s) => s.id)).not.toContain(sessions.stage.id);
    expect(body.items.find((s) => s.id === room.id)?.parentSessionId).toBe(sessions.stage.id);

    const running = await createEvent({ startsInMs: -30 * MIN });
    const now = Date.now();
    const live = await addSession(running.id, {
      kind: "stage",
      title: "Live",
      startsAt: iso(now - MIN),
      endsAt: iso(now + 30 * MIN),
    });
    const refused = await adminJson<{ error: { code: string } }>(
      `/api/admin/events/${running.id}/sessions/${live.id}`,
      {
        method: "DELETE",
      },
    );
    expect(refused.status).toBe(409);
  });

  it("a viewer reads the programme and its reach but changes nothing", async () => {
    const { event, sessions } = await seeded();
    const { cookie, workspaceId } = await ownerSession();
    const personId = await invite({ cookie }, workspaceId, {
      email: `viewer.${event.slug}@a.test`,
      name: "Vic Viewer",
      role: "viewer",
    });
    const viewer = { cookie: await sessionOf(personId) };
    const base = `/api/admin/events/${event.id}`;
    expect((await as(viewer, `${base}/sessions`)).status).toBe(200);
    expect(
      (await as(viewer, `${base}/audience/count`, { method: "POST", json: { rule: { kind: "everyone" } } })).status,
    ).toBe(200);
    const move = { startsAt: iso(event.startsAt), endsAt: iso(event.startsAt + 30 * MIN) };
    expect((await as(viewer, `${base}/sessions/${sessions.vip.id}`, { method: "PATCH", json: move })).status).toBe(403);
    expect(
      (await as(viewer, `${base}/sessions`, { method: "POST", json: { kind: "breakout", title: "X", ...move } }))
        .status,
    ).toBe(403);
    expect((await as(viewer, `${base}/sessions/${sessions.vip.id}`, { method: "DELETE" })).status).toBe(403);
  });
});
