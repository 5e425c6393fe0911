import { describe, expect, it } from "vitest";
import type { ProgrammeResponse, PublicEvent, SelectionsResponse } from "../../core/contract/index";
import { addSession, adminJson, call, createEvent, seedDemo, signIn } from "./helpers";

type ErrorBody = { error: { code: string; message: string } };
const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * An event under way with a stage and two selectable breakouts at the same time (one only for
 * VIPs), a third selectable breakout later, a plain one, and one that has ended.
 */
async function parallelEvent() {
  const event = await createEvent({ startsInMs: -60 * MIN, durationMs: 6 * 60 * MIN });
  const now = Date.now();
  const session = (title: string, from: number, to: number, more: Record<string, unknown> = {}) =>
    addSession(event.id, {
      kind: "breakout",
      title,
      startsAt: iso(now + from * MIN),
      endsAt: iso(now + to * MIN),
      ...more,
    });
  const stage = await session("Stage", -60, 240, { kind: "stage" });
  const critique = await session("Critique", -5, 40, { selectable: true });
  const edge = await session("Edge", -5, 40, {
    selectable: true,
    audience: { kind: "attributes", conditions: [{ attribute: "ticket", op: "in", values: ["vip"] }] },
  });
  const later = await session("Later", 60, 90, { selectable: true, capacity: 1 });
  const plain = await session("Plain", 100, 120);
  const over = await session("Over", -50, -10, { selectable: true });
  const person = async (name: string, ticket: string, selections: string[] = []) => {
    const { body } = await adminJson<{ id: string }>(`/api/admin/events/${event.id}/registrations`, {
      method: "POST",
      json: { name, email: `${name.toLowerCase()}.${now}@example.com`, attributes: { ticket }, selections },
    });
    const { body: rotated } = await adminJson<{ link: string }>(
      `/api/admin/events/${event.id}/registrations/${body.id}/link/rotate`,
      { method: "POST" },
    );
    return { id: body.id, cookie: await signIn(rotated.link) };
  };
  return { event, stage, critique, edge, later, plain, over, person };
}

const programmeOf = async (cookie: string) =>
  (await (await call("/api/me/programme", { headers: { Cookie: cookie } })).json()) as ProgrammeResponse;
const select = (cookie: string, sessionId: string) =>
  call(`/api/me/selections/${sessionId}`, { method: "PUT", headers: { Cookie: cookie } });

describe("parallel sessions and selections", () => {
  it("the programme's live session is the one the person selected, and none of the parallel ones before they choose", async () => {
    const { stage, critique, edge, person } = await parallelEvent();
    // Whichever of the two ids sorts last used to be "live" for everyone.
    const [first, last] = [critique.id, edge.id].sort();
    const picked = await person("Picked", "vip", [first!]);
    const programme = await programmeOf(picked.cookie);
    expect(programme.liveSessionId).toBe(first);
    expect(programme.sessions.find((s) => s.id === first)).toMatchObject({ selectable: true, selected: true });
    expect(programme.sessions.find((s) => s.id === last)).toMatchObject({ selectable: true, selected: false });
    expect(programme.sessions.find((s) => s.id === stage.id)).toMatchObject({ selectable: false, selected: false });

    const undecided = await person("Undecided", "vip");
    expect((await programmeOf(undecided.cookie)).liveSessionId).toBe(stage.id);
    // With one of them in their programme there is nothing to choose.
    const standard = await person("Standard", "standard");
    expect((await programmeOf(standard.cookie)).liveSessionId).toBe(critique.id);
  });

  it("selecting one drops its parallel alternative, is remembered for every device, and selecting again changes nothing", async () => {
    const { event, critique, edge, later, person } = await parallelEvent();
    const ada = await person("Ada", "vip", [edge.id, later.id]);
    const res = await select(ada.cookie, critique.id);
    expect(res.status).toBe(200);
    expect(((await res.json()) as SelectionsResponse).selections.sort()).toEqual([critique.id, later.id].sort());
    const programme = await programmeOf(ada.cookie);
    expect(programme.liveSessionId).toBe(critique.id);
    expect(
      programme.sessions
        .filter((s) => s.selected)
        .map((s) => s.id)
        .sort(),
    ).toEqual([critique.id, later.id].sort());
    expect(((await (await select(ada.cookie, critique.id)).json()) as SelectionsResponse).selections.sort()).toEqual(
      [critique.id, later.id].sort(),
    );
    // The organizer sees the same selections.
    const { body } = await adminJson<{ selections: string[] }>(`/api/admin/events/${event.id}/registrations/${ada.id}`);
    expect(body.selections.sort()).toEqual([critique.id, later.id].sort());
  });

  it("refuses what is not in the person's programme, not selectable, over, or full, naming why", async () => {
    const { stage, edge, later, over, person } = await parallelEvent();
    const bram = await person("Bram", "standard");
    const notMine = await select(bram.cookie, edge.id);
    expect(notMine.status).toBe(404);
    expect((await select(bram.cookie, "ses_nowhere")).status).toBe(404);
    const plain = await select(bram.cookie, stage.id);
    expect(plain.status).toBe(409);
    expect(((await plain.json()) as ErrorBody).error).toMatchObject({
      code: "conflict",
      message: expect.stringContaining("not a session to choose"),
    });
    const ended = await select(bram.cookie, over.id);
    expect(ended.status).toBe(409);
    expect(((await ended.json()) as ErrorBody).error.message).toContain("has ended");

    const first = await person("First", "standard");
    expect((await select(first.cookie, later.id)).status).toBe(200);
    const full = await select(bram.cookie, later.id);
    expect(full.status).toBe(409);
    expect(((await full.json()) as ErrorBody).error.message).toBe('"Later" is full.');
    // Whoever holds the place keeps it when selecting it again.
    expect((await select(first.cookie, later.id)).status).toBe(200);
    expect((await select("", later.id)).status).toBe(401);
  });

  it("the demo's breakouts are selectable, so its public form offers them", async () => {
    await seedDemo();
    const demo = (await (await call("/api/events/demo")).json()) as PublicEvent;
    expect(demo.choices.map((c) => c.title).sort()).toEqual([
      "Breakout: building for the edge",
      "Breakout: design critique",
    ]);
  });
});
