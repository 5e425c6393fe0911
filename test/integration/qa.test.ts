import { describe, expect, it } from "vitest";
import { Limits } from "../../core/protocol";
import { liveDemo } from "./live/client";

describe("Q&A", () => {
  it("shows questions to everyone, hides the asker's name when anonymous (from moderators too)", async () => {
    const demo = await liveDemo();
    const [mia, ada, bram] = [await demo.join("mia"), await demo.join("ada"), await demo.join("bram")];
    const named = await ada.ok({ type: "qa/ask", text: "What about latency?" });
    const anon = await ada.ok({ type: "qa/ask", text: "Is this recorded?", anonymous: true });
    expect((await bram.take("qa/question", (f) => f.question.id === named.entityId)).question.authorName).toBe(
      "Ada Lovelace",
    );
    expect((await bram.take("qa/question", (f) => f.question.id === anon.entityId)).question.authorName).toBeNull();
    expect((await mia.take("qa/question", (f) => f.question.id === anon.entityId)).question.authorName).toBeNull();
    // Her own questions, anonymous ones included, come back to her on a reconnect.
    const adaAgain = await demo.join("ada");
    expect(adaAgain.me.me.qa.asked.map((q) => q.id)).toEqual(expect.arrayContaining([named.entityId, anon.entityId]));
    for (const c of [mia, ada, bram, adaAgain]) c.close();
  });

  it("counts one upvote per person, lets it be taken back, and batches the counts", async () => {
    const demo = await liveDemo();
    const [ada, bram, chloe] = [await demo.join("ada"), await demo.join("bram"), await demo.join("chloe")];
    const { entityId: qid } = await ada.ok({ type: "qa/ask", text: "Upvote me" });
    await bram.ok({ type: "qa/upvote", questionId: qid!, up: true });
    await bram.ok({ type: "qa/upvote", questionId: qid!, up: true });
    await chloe.ok({ type: "qa/upvote", questionId: qid!, up: true });
    expect((await ada.take("qa/votes", (f) => f.votes[qid!] === 2)).votes[qid!]).toBe(2);
    await chloe.ok({ type: "qa/upvote", questionId: qid!, up: false });
    await ada.take("qa/votes", (f) => f.votes[qid!] === 1);
    const bramAgain = await demo.join("bram");
    expect(bramAgain.me.me.qa.upvoted).toContain(qid);
    expect(bramAgain.snapshot!.state.qa.questions.find((q) => q.id === qid)?.votes).toBe(1);
    for (const c of [ada, bram, chloe, bramAgain]) c.close();
  });

  it("holds questions for approval when required: only staff see them until approved", async () => {
    const demo = await liveDemo();
    const [mia, ada, bram] = [await demo.join("mia"), await demo.join("ada"), await demo.join("bram")];
    await mia.ok({ type: "qa/configure", enabled: true, requireApproval: true });
    await bram.take("qa/configured", (f) => f.requireApproval);
    const { entityId: qid } = await ada.ok({ type: "qa/ask", text: "Waiting in line?" });
    expect((await mia.take("qa/question", (f) => f.question.id === qid)).question.status).toBe("pending");
    const late = await demo.join("chloe");
    expect(late.snapshot!.state.qa.questions.map((q) => q.id)).not.toContain(qid);
    expect(await bram.mutate({ type: "qa/upvote", questionId: qid!, up: true })).toMatchObject({ code: "not_found" });
    await mia.ok({ type: "qa/moderate", questionId: qid!, action: "approve" });
    expect((await bram.take("qa/question", (f) => f.question.id === qid)).question.status).toBe("open");
    await mia.ok({ type: "qa/configure", enabled: true, requireApproval: false });
    for (const c of [mia, ada, bram, late]) c.close();
  });

  it("refuses an upvote on one's own question (anonymous too), with its own code", async () => {
    const demo = await liveDemo();
    const [ada, bram] = [await demo.join("ada"), await demo.join("bram")];
    const { entityId: named } = await ada.ok({ type: "qa/ask", text: "My own question" });
    const { entityId: anon } = await ada.ok({ type: "qa/ask", text: "My anonymous one", anonymous: true });
    expect(await ada.mutate({ type: "qa/upvote", questionId: named!, up: true })).toMatchObject({
      type: "error",
      code: "own_question",
    });
    expect(await ada.mutate({ type: "qa/upvote", questionId: anon!, up: true })).toMatchObject({
      type: "error",
      code: "own_question",
    });
    await bram.ok({ type: "qa/upvote", questionId: named!, up: true });
    expect((await ada.take("qa/votes", (f) => f.votes[named!] !== undefined)).votes[named!]).toBe(1);
    const adaAgain = await demo.join("ada");
    expect(adaAgain.me.me.qa.upvoted).toEqual([]);
    expect(adaAgain.snapshot!.state.qa.questions.find((q) => q.id === anon)?.votes).toBe(0);
    for (const c of [ada, bram, adaAgain]) c.close();
  });

  it("tells the asker what became of a question waiting for review, dismissed ones too", async () => {
    const demo = await liveDemo();
    const [mia, ada, bram] = [await demo.join("mia"), await demo.join("ada"), await demo.join("bram")];
    await mia.ok({ type: "qa/configure", enabled: true, requireApproval: true });
    await ada.take("qa/configured", (f) => f.requireApproval);
    const { entityId: kept } = await ada.ok({ type: "qa/ask", text: "Approve me" });
    const { entityId: dropped } = await ada.ok({ type: "qa/ask", text: "Dismiss me" });
    await mia.ok({ type: "qa/moderate", questionId: kept!, action: "approve" });
    expect((await ada.take("qa/mine", (f) => f.question.id === kept)).question.status).toBe("open");
    await mia.ok({ type: "qa/moderate", questionId: dropped!, action: "dismiss" });
    expect((await ada.take("qa/mine", (f) => f.question.id === dropped)).question).toMatchObject({
      status: "dismissed",
      text: "Dismiss me",
    });
    // Only the asker hears about it: others never saw the question.
    expect(bram.has("qa/mine")).toBe(false);
    await mia.ok({ type: "qa/configure", enabled: true, requireApproval: false });
    for (const c of [mia, ada, bram]) c.close();
  });

  it("marks answered, dismisses (gone for participants), and puts one question on the stage", async () => {
    const demo = await liveDemo();
    const [mia, ada, bram] = [await demo.join("mia"), await demo.join("ada"), await demo.join("bram")];
    const { entityId: qid } = await ada.ok({ type: "qa/ask", text: "Stage me" });
    await mia.ok({ type: "qa/highlight", questionId: qid! });
    expect((await bram.take("qa/highlighted")).questionId).toBe(qid);
    await mia.ok({ type: "qa/moderate", questionId: qid!, action: "answer" });
    expect(
      (await bram.take("qa/question", (f) => f.question.id === qid && f.question.status === "answered")).question
        .status,
    ).toBe("answered");
    await mia.ok({ type: "qa/moderate", questionId: qid!, action: "dismiss" });
    expect((await bram.take("qa/removed")).questionId).toBe(qid);
    // A dismissed question leaves the stage.
    expect((await bram.take("qa/highlighted")).questionId).toBeNull();
    expect(await mia.mutate({ type: "qa/highlight", questionId: qid! })).toMatchObject({ code: "conflict" });
    expect(await mia.mutate({ type: "qa/moderate", questionId: qid!, action: "approve" })).toMatchObject({
      code: "conflict",
    });
    for (const c of [mia, ada, bram]) c.close();
  });

  it("limits questions per person", async () => {
    const demo = await liveDemo();
    const chloe = await demo.join("chloe");
    const asked = chloe.me.me.qa.asked.length;
    for (let i = asked; i < Limits.questionsPerPerson; i++) await chloe.ok({ type: "qa/ask", text: `Question ${i}` });
    expect(await chloe.mutate({ type: "qa/ask", text: "One more?" })).toMatchObject({ code: "limit_reached" });
    chloe.close();
  });
});
