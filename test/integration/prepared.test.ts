import { describe, expect, it } from "vitest";
import type { PreparedInteraction } from "../../core/contract/interactions";
import { admin } from "./helpers";
import { liveDemo } from "./live/client";

describe("prepared polls and quizzes (organizer API)", () => {
  it("appear as drafts for moderators, only for them, and go away when deleted", async () => {
    const demo = await liveDemo();
    const [mia, ada] = [await demo.join("mia"), await demo.join("ada")];
    const res = await admin(`/api/admin/sessions/${demo.sessionId}/prepared`, {
      method: "POST",
      body: JSON.stringify({
        kind: "poll",
        definition: { question: " Prepared ahead? ", kind: "multi", options: ["Yes", "Also yes"] },
      }),
    });
    expect(res.status).toBe(201);
    const prepared = (await res.json()) as PreparedInteraction;
    expect(prepared.definition).toMatchObject({ question: "Prepared ahead?", results: "live" });
    const draft = await mia.take("poll/upsert", (f) => f.poll.question === "Prepared ahead?");
    expect(draft.poll.status).toBe("draft");
    expect(ada.has("poll/upsert", (f) => f.poll.question === "Prepared ahead?")).toBe(false);

    const quiz = await admin(`/api/admin/sessions/${demo.sessionId}/prepared`, {
      method: "POST",
      body: JSON.stringify({
        kind: "quiz",
        definition: {
          title: "Prepared quiz",
          questions: [{ text: "1 + 1?", options: ["1", "2"], correct: 1, seconds: 15 }],
        },
      }),
    });
    expect(quiz.status).toBe(201);
    await mia.take("quiz/upsert", (f) => f.quiz.title === "Prepared quiz");
    const list = (await (await admin(`/api/admin/sessions/${demo.sessionId}/prepared`)).json()) as {
      items: PreparedInteraction[];
    };
    expect(list.items.map((i) => i.kind).sort()).toEqual(["poll", "quiz"]);

    expect(
      (await admin(`/api/admin/sessions/${demo.sessionId}/prepared/${prepared.id}`, { method: "DELETE" })).status,
    ).toBe(204);
    expect((await mia.take("poll/removed")).pollId).toBe(draft.poll.id);
    // A moderator joining later sees what is prepared (imported once, not twice).
    const late = await demo.join("mia");
    expect(late.snapshot!.state.quizzes.filter((q) => q.title === "Prepared quiz")).toHaveLength(1);
    for (const c of [mia, ada, late]) c.close();
  });

  it("validates definitions with the same rules as the live session, field by field", async () => {
    const demo = await liveDemo();
    const post = (body: unknown) =>
      admin(`/api/admin/sessions/${demo.sessionId}/prepared`, { method: "POST", body: JSON.stringify(body) });
    const dup = await post({ kind: "poll", definition: { question: "Q", kind: "single", options: ["A", "a"] } });
    expect(dup.status).toBe(422);
    expect(((await dup.json()) as { error: { fields: Record<string, string> } }).error.fields).toHaveProperty([
      "definition.options.1",
    ]);
    const wrong = await post({
      kind: "quiz",
      definition: { title: "T", questions: [{ text: "?", options: ["a"], correct: 0, seconds: 10 }] },
    });
    expect(wrong.status).toBe(422);
    expect((await post({ kind: "survey" })).status).toBe(422);
    expect((await admin(`/api/admin/sessions/ses_nope/prepared`, { method: "POST", body: "{}" })).status).toBe(404);
    expect(
      (await admin(`/api/admin/sessions/${demo.sessionId}/prepared`, { method: "POST", body: "{nope" })).status,
    ).toBe(400);
  });

  it("carry the organizer's texts in the event's other languages to every participant, original beside them", async () => {
    const demo = await liveDemo();
    const [mia, bram] = [await demo.join("mia"), await demo.join("bram")];
    const post = (definition: unknown) =>
      admin(`/api/admin/sessions/${demo.sessionId}/prepared`, {
        method: "POST",
        body: JSON.stringify({ kind: "poll", definition }),
      });
    const half = await post({
      question: "Coffee?",
      kind: "single",
      options: ["Yes", "No"],
      translations: { nl: { question: "Koffie?", options: ["Ja"] } },
    });
    expect(half.status).toBe(422);
    expect(((await half.json()) as { error: { fields: Record<string, string> } }).error.fields).toHaveProperty([
      "definition.translations.nl.options",
    ]);
    const res = await post({
      question: "Tea?",
      kind: "single",
      options: ["Yes", "No"],
      translations: { nl: { question: " Thee? ", options: ["Ja", "Nee"] } },
    });
    expect(res.status).toBe(201);
    const draft = await mia.take("poll/upsert", (f) => f.poll.question === "Tea?");
    expect(draft.poll.translations).toEqual({ nl: { question: "Thee?", options: ["Ja", "Nee"] } });
    await mia.ok({ type: "poll/open", pollId: draft.poll.id });
    const shown = await bram.take("poll/upsert", (f) => f.poll.id === draft.poll.id);
    expect(shown.poll).toMatchObject({ question: "Tea?", translations: { nl: { question: "Thee?" } } });
    // Stored in the session's object: a later visitor gets them in the snapshot too.
    const late = await demo.join("ada");
    expect(late.snapshot!.state.polls.find((p) => p.id === draft.poll.id)?.translations?.nl?.options).toEqual([
      "Ja",
      "Nee",
    ]);
    for (const c of [mia, bram, late]) c.close();
  });
});
