import { describe, expect, it } from "vitest";
import type { PreparedInteraction } from "../../core/contract/interactions";
import type { AdminStageMedia, AdminStageStatus } from "../../core/contract/media";
import { admin, seedDemo } from "./helpers";
import { liveDemo } from "./live/client";

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };
const poll = (question: string, options = ["Yes", "No"]) => ({
  kind: "poll",
  definition: { question, kind: "single", options },
});

describe("prepared items edited and ordered in the console", () => {
  it("an edit replaces the moderators' draft, and the order is the one the organizer chose", async () => {
    const demo = await liveDemo();
    const path = `/api/admin/sessions/${demo.sessionId}/prepared`;
    const mia = await demo.join("mia");
    const create = async (body: unknown) =>
      (await (await admin(path, { method: "POST", body: JSON.stringify(body) })).json()) as PreparedInteraction;
    const first = await create(poll("First?"));
    const second = await create(poll("Second?"));
    const draft = await mia.take("poll/upsert", (f) => f.poll.question === "First?");

    const edited = await admin(`${path}/${first.id}`, {
      method: "PATCH",
      body: JSON.stringify(poll("First, edited?", ["Sure", "Never"])),
    });
    expect(edited.status).toBe(200);
    const item = (await edited.json()) as PreparedInteraction;
    expect(item).toMatchObject({ definition: { question: "First, edited?" }, position: first.position });
    expect((await mia.take("poll/removed", (f) => f.pollId === draft.poll.id)).pollId).toBe(draft.poll.id);
    expect((await mia.take("poll/upsert", (f) => f.poll.question === "First, edited?")).poll.options).toEqual([
      "Sure",
      "Never",
    ]);

    const reordered = await admin(`${path}/reorder`, {
      method: "POST",
      body: JSON.stringify({ ids: [second.id, item.id] }),
    });
    expect(reordered.status).toBe(200);
    const ordered = ((await reordered.json()) as { items: PreparedInteraction[] }).items;
    expect(ordered.map((i) => i.id)).toEqual([second.id, item.id]);
    expect(ordered.map((i) => i.position)).toEqual([0, 1]);

    const audit = (await (await admin("/api/admin/audit")).json()) as { items: { action: string }[] };
    expect(audit.items.map((a) => a.action)).toEqual(
      expect.arrayContaining(["prepared.create", "prepared.update", "prepared.reorder"]),
    );
    mia.close();
  });

  it("refuses an edit that breaks a rule, an order that leaves items out, and unknown items, by field", async () => {
    const demo = await liveDemo();
    const path = `/api/admin/sessions/${demo.sessionId}/prepared`;
    const { id } = (await (
      await admin(path, { method: "POST", body: JSON.stringify(poll("Keep?")) })
    ).json()) as PreparedInteraction;
    const quiz = await admin(`${path}/${id}`, {
      method: "PATCH",
      body: JSON.stringify({
        kind: "quiz",
        definition: { title: "T", questions: [{ text: "?", options: ["a", "b"], correct: 2, seconds: 10 }] },
      }),
    });
    expect(quiz.status).toBe(422);
    expect(((await quiz.json()) as ErrorBody).error.fields).toHaveProperty(["definition.questions.0.correct"]);
    const slow = await admin(`${path}/${id}`, {
      method: "PATCH",
      body: JSON.stringify({
        kind: "quiz",
        definition: { title: "T", questions: [{ text: "?", options: ["a", "b"], correct: 0, seconds: 600 }] },
      }),
    });
    expect(((await slow.json()) as ErrorBody).error.fields).toHaveProperty(["definition.questions.0.seconds"]);
    const partial = await admin(`${path}/reorder`, { method: "POST", body: JSON.stringify({ ids: [] }) });
    expect(partial.status).toBe(422);
    expect(((await partial.json()) as ErrorBody).error.fields).toHaveProperty(["ids"]);
    expect((await admin(`${path}/prep_nope`, { method: "PATCH", body: JSON.stringify(poll("X?")) })).status).toBe(404);
    const list = (await (await admin(path)).json()) as { items: PreparedInteraction[] };
    expect(list.items.find((i) => i.id === id)?.definition).toMatchObject({ question: "Keep?" });
  });
});

describe("stage video in the console (local mode)", () => {
  it("shows the local HLS URL each stage plays, a local status, and has no key to reveal", async () => {
    const { eventId } = await seedDemo();
    const res = await admin(`/api/admin/media/events/${eventId}/stages`);
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: AdminStageMedia[] };
    expect(items.length).toBeGreaterThan(0);
    expect(items[0]).toEqual({
      sessionId: expect.any(String),
      source: "sample",
      playbackUrl: "http://foyer.test/api/media/sample/master.m3u8",
      channel: null,
    });
    const stage = items[0]!.sessionId;
    expect(await (await admin(`/api/admin/media/stages/${stage}/status`)).json()).toMatchObject({
      source: "sample",
    } satisfies Partial<AdminStageStatus>);
    const reveal = await admin(`/api/admin/media/stages/${stage}/key/reveal`, { method: "POST" });
    expect(reveal.status).toBe(409);
    expect(((await reveal.json()) as ErrorBody).error.message).toMatch(/no stream key and needs no encoder/);
  });
});
