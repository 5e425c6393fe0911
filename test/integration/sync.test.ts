import { evictDurableObject, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { MAX_CLIENT_FRAME_BYTES } from "../../core/protocol";
import { LOG_KEEP } from "../../durable-objects/runtime/events";
import { liveDemo, mutationId } from "./live/client";

describe("replay and snapshots", () => {
  it("replays exactly the events a reconnecting client missed, in order", async () => {
    const demo = await liveDemo();
    const [mia, ada] = [await demo.join("mia"), await demo.join("ada")];
    await ada.ok({ type: "chat/send", text: "before the drop" });
    await ada.take("chat/message", (f) => f.message.text === "before the drop");
    const lastSeq = ada.lastSeq;
    ada.close();
    const missed = ["missed one", "missed two", "missed three"];
    for (const text of missed) await mia.ok({ type: "chat/send", text });
    const pollId = (
      await mia.ok({ type: "poll/create", poll: { question: "Back?", kind: "single", options: ["Yes", "No"] } })
    ).entityId!;
    await mia.ok({ type: "poll/open", pollId });

    const back = await demo.join("ada", lastSeq);
    expect(back.welcome.resume).toBe("replay");
    expect(back.snapshot).toBeUndefined();
    const texts = back.events().flatMap((e) => (e.type === "chat/message" ? [e.message.text] : []));
    expect(texts).toEqual(missed);
    const seqs = back.events().map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs[0]).toBeGreaterThan(lastSeq);
    // The draft was staff-only; the replay gives the participant the poll only once it opened.
    expect(
      back
        .events()
        .filter((e) => e.type === "poll/upsert")
        .map((e) => e.type === "poll/upsert" && e.poll.status),
    ).toEqual(["open"]);
    for (const c of [mia, back]) c.close();
  });

  it("sends a fresh snapshot when the client is too far behind or comes from another life of the object", async () => {
    const demo = await liveDemo();
    const ada = await demo.join("ada");
    await ada.ok({ type: "chat/send", text: "seq anchor" });
    const seq = (await ada.take("chat/message", (f) => f.message.text === "seq anchor")).seq;
    ada.close();
    const future = await demo.join("ada", seq + 1_000);
    expect(future.welcome.resume).toBe("snapshot");
    // Ada's own departure may have been sequenced since (a presence event for staff): the
    // snapshot is the object's current state, at or after her last message.
    expect(future.snapshot!.seq).toBeGreaterThanOrEqual(seq);
    expect(future.snapshot!.state.chat.messages.map((m) => m.text)).toContain("seq anchor");
    future.close();
    // Pretend the log was pruned past the client's number.
    await runInDurableObject(demo.stub(), (_room, state) => {
      state.storage.sql.exec("DELETE FROM event_log WHERE seq < ?", seq);
    });
    const behind = await demo.join("ada", 1);
    expect(behind.welcome.resume).toBe("snapshot");
    expect(behind.snapshot!.state.chat.messages.map((m) => m.text)).toContain("seq anchor");
    behind.close();
    expect(LOG_KEEP).toBeGreaterThan(100);
  });
});

describe("mutation ids", () => {
  it("applies a resent mutation once and acknowledges the resend as a duplicate", async () => {
    const demo = await liveDemo();
    const [bram, chloe] = [await demo.join("bram"), await demo.join("chloe")];
    const id = mutationId();
    const first = await bram.ok({ type: "chat/send", id, text: "said once" });
    bram.close();
    const again = await demo.join("bram");
    const resend = await again.ok({ type: "chat/send", id, text: "said once" });
    expect(resend).toMatchObject({ duplicate: true, entityId: first.entityId });
    await new Promise((r) => setTimeout(r, 100));
    expect(chloe.frames.filter((f) => f.type === "chat/message" && f.message.text === "said once")).toHaveLength(1);
    // Another person's mutation may use the same id: ids are per person.
    expect(await chloe.ok({ type: "chat/send", id, text: "mine" })).not.toHaveProperty("duplicate");
    for (const c of [again, chloe]) c.close();
  });

  it("does not remember refused mutations, so they can be retried", async () => {
    const demo = await liveDemo();
    const [mia, ada] = [await demo.join("mia"), await demo.join("ada")];
    await mia.ok({ type: "chat/configure", enabled: false });
    await ada.take("chat/configured");
    const id = mutationId();
    expect(await ada.mutate({ type: "chat/send", id, text: "too early" })).toMatchObject({ code: "closed" });
    await mia.ok({ type: "chat/configure", enabled: true });
    await ada.take("chat/configured");
    expect(await ada.ok({ type: "chat/send", id, text: "too early" })).not.toHaveProperty("duplicate");
    for (const c of [mia, ada]) c.close();
  });
});

describe("durability", () => {
  it("keeps every acknowledged change through an eviction, with sockets hibernated or closed", async () => {
    const demo = await liveDemo();
    const [mia, ada, bram] = [await demo.join("mia"), await demo.join("ada"), await demo.join("bram")];
    await ada.ok({ type: "chat/send", text: "survives eviction" });
    const { entityId: qid } = await ada.ok({ type: "qa/ask", text: "Still there?" });
    await bram.ok({ type: "qa/upvote", questionId: qid!, up: true });
    const { entityId: pollId } = await mia.ok({
      type: "poll/create",
      poll: { question: "Durable?", kind: "single", options: ["Yes", "No"] },
    });
    await mia.ok({ type: "poll/open", pollId: pollId! });
    await ada.ok({ type: "poll/vote", pollId: pollId!, choices: [0] });
    await bram.ok({ type: "poll/vote", pollId: pollId!, choices: [1] });

    // Hibernation: the sockets stay; the object comes back from storage on the next frame.
    await evictDurableObject(demo.stub());
    await ada.ok({ type: "poll/vote", pollId: pollId!, choices: [1] });
    const tally = await mia.take("poll/tally", (f) => f.pollId === pollId && f.counts?.[1] === 2);
    expect(tally).toMatchObject({ counts: [0, 2], voters: 2 });

    // A restart: every socket closes; people reconnect and find everything as it was.
    await evictDurableObject(demo.stub(), { webSockets: "close" });
    const chloe = await demo.join("chloe");
    const state = chloe.snapshot!.state;
    expect(state.chat.messages.map((m) => m.text)).toContain("survives eviction");
    expect(state.qa.questions.find((q) => q.id === qid)).toMatchObject({ votes: 1 });
    expect(state.polls.find((p) => p.id === pollId)).toMatchObject({ counts: [0, 2], voters: 2 });
    const bramBack = await demo.join("bram");
    expect(bramBack.me.me.polls[pollId!]).toEqual([1]);
    expect(bramBack.me.me.qa.upvoted).toContain(qid);
    // Nobody is counted twice: the closed sockets' visits ended.
    expect((await bramBack.take("presence/count")).count).toBe(2);
    for (const c of [chloe, bramBack]) c.close();
  });
});

describe("the door", () => {
  it("answers bad frames of every feature with error frames, and the socket lives on", async () => {
    const demo = await liveDemo();
    const ada = await demo.join("ada");
    const bad: [unknown, string, string | undefined][] = [
      [{ type: "poll/vote", id: mutationId(), pollId: "p", choices: "all" }, "bad_frame", "choices"],
      [{ type: "qa/ask", id: "short", text: "hi" }, "bad_frame", "id"],
      [{ type: "quiz/answer", id: mutationId(), quizId: "q", question: -1, choice: 0 }, "bad_frame", "question"],
      [{ type: "reaction/send", emoji: "💩" }, "bad_frame", "emoji"],
      [{ type: "chat/send", id: mutationId(), text: "x".repeat(MAX_CLIENT_FRAME_BYTES) }, "too_large", undefined],
      [{ type: "wordcloud/launch" }, "unknown_type", "type"],
    ];
    for (const [frame, code, field] of bad) {
      ada.send(frame as Record<string, unknown>);
      const error = await ada.take("error");
      expect(error.code).toBe(code);
      expect(error.field).toBe(field);
    }
    expect(ada.closed).toBeUndefined();
    await ada.ok({ type: "chat/send", text: "still here" });
    ada.close();
  });

  it("accepts larger frames from moderators (a whole quiz) than from participants", async () => {
    const demo = await liveDemo();
    const [mia, ada] = [await demo.join("mia"), await demo.join("ada")];
    const quiz = {
      title: "Long quiz",
      questions: Array.from({ length: 40 }, (_, i) => ({
        text: `Question ${i} ${"?".repeat(150)}`,
        options: ["a", "b", "c", "d"],
        correct: 0,
        seconds: 20,
      })),
    };
    expect(JSON.stringify(quiz).length).toBeGreaterThan(MAX_CLIENT_FRAME_BYTES);
    await mia.ok({ type: "quiz/create", quiz });
    // Refused unread, so without a ref.
    ada.send({ type: "quiz/create", id: mutationId(), quiz });
    expect(await ada.take("error")).toMatchObject({ code: "too_large" });
    for (const c of [mia, ada]) c.close();
  });
});
