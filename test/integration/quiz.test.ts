import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { SessionResultsResponse } from "../../core/contract/interactions";
import { admin } from "./helpers";
import { liveDemo, type LiveDemo } from "./live/client";

const trivia = {
  title: "Edge trivia",
  questions: [
    { text: "Where do Workers run?", options: ["One region", "Close to users"], correct: 1, seconds: 30 },
    {
      text: "What holds a session's live state?",
      options: ["A Durable Object", "A cookie", "A CDN cache"],
      correct: 0,
      seconds: 30,
    },
  ],
};

/** Moves the running question's deadline (and its alarm) into the past, then lets the alarm fire, as time would. */
async function timeRunsOut(demo: LiveDemo): Promise<void> {
  await runInDurableObject(demo.stub(), (_room, state) => {
    const past = Date.now() - 1;
    state.storage.sql.exec("UPDATE quizzes SET deadline = ? WHERE phase = 'answering'", past);
    state.storage.sql.exec("UPDATE alarms SET at = ? WHERE name = 'quiz-deadline'", past);
  });
  expect(await runDurableObjectAlarm(demo.stub())).toBe(true);
}

describe("quizzes", () => {
  it("asks timed questions, locks answers at the deadline by the alarm, and ranks the players", async () => {
    const demo = await liveDemo();
    const [mia, ada, bram, chloe] = [
      await demo.join("mia"),
      await demo.join("ada"),
      await demo.join("bram"),
      await demo.join("chloe"),
    ];
    const { entityId: quizId } = await mia.ok({ type: "quiz/create", quiz: trivia });
    expect((await mia.take("quiz/upsert", (f) => f.quiz.id === quizId)).quiz.questions).toHaveLength(2);
    await mia.ok({ type: "quiz/start", quizId: quizId! });

    const asked = await ada.take("quiz/upsert", (f) => f.quiz.id === quizId && f.quiz.current?.phase === "answering");
    expect(asked.quiz.current).toMatchObject({ index: 0, text: "Where do Workers run?" });
    // Participants never get the right answer before the reveal, nor the question list.
    expect(asked.quiz.current?.correct).toBeUndefined();
    expect(asked.quiz.questions).toBeUndefined();

    await ada.ok({ type: "quiz/answer", quizId: quizId!, question: 0, choice: 1 });
    await bram.ok({ type: "quiz/answer", quizId: quizId!, question: 0, choice: 0 });
    expect(await ada.mutate({ type: "quiz/answer", quizId: quizId!, question: 0, choice: 0 })).toMatchObject({
      code: "conflict",
    });
    expect((await mia.take("quiz/progress", (f) => f.answered === 2)).quizId).toBe(quizId);

    await timeRunsOut(demo);
    const revealed = await chloe.take(
      "quiz/upsert",
      (f) => f.quiz.id === quizId && f.quiz.current?.phase === "revealed",
    );
    expect(revealed.quiz.current).toMatchObject({ correct: 1, counts: [1, 1] });
    expect(revealed.quiz.leaderboard).toEqual([
      expect.objectContaining({ rank: 1, name: "Ada Lovelace", correct: 1 }),
      expect.objectContaining({ rank: 2, name: "Bram de Vries", points: 0 }),
    ]);
    expect((await ada.take("quiz/standing")).standing).toMatchObject({ rank: 1, players: 2, correct: 1 });
    expect(await chloe.mutate({ type: "quiz/answer", quizId: quizId!, question: 0, choice: 1 })).toMatchObject({
      code: "closed",
    });

    await mia.ok({ type: "quiz/next", quizId: quizId! });
    await chloe.take("quiz/upsert", (f) => f.quiz.id === quizId && f.quiz.current?.index === 1);
    await chloe.ok({ type: "quiz/answer", quizId: quizId!, question: 1, choice: 0 });
    // The moderator can end a question before its time is up.
    await mia.ok({ type: "quiz/lock", quizId: quizId! });
    const second = await bram.take(
      "quiz/upsert",
      (f) => f.quiz.id === quizId && f.quiz.current?.index === 1 && f.quiz.current.phase === "revealed",
    );
    // Ada and Chloé each have one fast right answer (their order depends on milliseconds); Bram has none.
    const names = second.quiz.leaderboard.map((e) => e.name);
    expect(names.slice(0, 2).sort()).toEqual(["Ada Lovelace", "Chloé Martin"]);
    expect(names[2]).toBe("Bram de Vries");
    await mia.ok({ type: "quiz/next", quizId: quizId! });
    expect(
      (await bram.take("quiz/upsert", (f) => f.quiz.id === quizId && f.quiz.status === "closed")).quiz.status,
    ).toBe("closed");

    await runInDurableObject(demo.stub(), (room) => room.flushReports());
    const report = (await (
      await admin(`/api/admin/sessions/${demo.sessionId}/results`)
    ).json()) as SessionResultsResponse;
    const result = report.results.find((r) => r.interactionId === quizId)?.result;
    expect(result?.type === "quiz" && result.scores.map((s) => [s.rank, s.name])).toEqual([
      [1, expect.any(String)],
      [2, expect.any(String)],
      [3, "Bram de Vries"],
    ]);
    for (const c of [mia, ada, bram, chloe]) c.close();
  });

  it("runs one quiz question at a time and brings a reconnecting player their standing", async () => {
    const demo = await liveDemo();
    const [mia, ada] = [await demo.join("mia"), await demo.join("ada")];
    const first = (await mia.ok({ type: "quiz/create", quiz: trivia })).entityId!;
    const second = (await mia.ok({ type: "quiz/create", quiz: { ...trivia, title: "Second" } })).entityId!;
    await mia.ok({ type: "quiz/start", quizId: first });
    expect(await mia.mutate({ type: "quiz/start", quizId: second })).toMatchObject({ code: "conflict" });
    await ada.take("quiz/upsert", (f) => f.quiz.id === first && f.quiz.current?.phase === "answering");
    await ada.ok({ type: "quiz/answer", quizId: first, question: 0, choice: 1 });
    await timeRunsOut(demo);
    ada.close();
    const back = await demo.join("ada");
    expect(back.me.me.quizzes[first]).toMatchObject({ rank: 1, correct: 1, answers: { 0: 1 } });
    expect(back.me.me.quizzes[first]!.points).toBeGreaterThanOrEqual(500);
    // Hiding a running quiz closes it.
    await mia.ok({ type: "quiz/visibility", quizId: first, visible: false });
    expect((await back.take("quiz/removed")).quizId).toBe(first);
    await mia.ok({ type: "quiz/start", quizId: second });
    for (const c of [mia, back]) c.close();
  });
});
