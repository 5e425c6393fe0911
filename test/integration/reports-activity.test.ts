import { env } from "cloudflare:workers";
import { runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { liveDemo } from "./live/client";

/** What a person did in a session reaches D1 for the engagement report, as running totals. */
describe("activity for the engagement report", () => {
  it("counts chat messages, questions, upvotes and polls voted in per person, once each", async () => {
    const demo = await liveDemo();
    const [mia, ada, bram] = [await demo.join("mia"), await demo.join("ada"), await demo.join("bram")];
    await ada.ok({ type: "chat/send", text: "Hello" });
    await ada.ok({ type: "chat/send", text: "Again" });
    const { entityId: questionId } = await ada.ok({ type: "qa/ask", text: "Counted?" });
    await bram.ok({ type: "qa/upvote", questionId: questionId!, up: true });
    const { entityId: pollId } = await mia.ok({
      type: "poll/create",
      poll: { question: "Tea?", kind: "single", options: ["Yes", "No"] },
    });
    await mia.ok({ type: "poll/open", pollId: pollId! });
    // Changing one's vote is still one poll voted in.
    await bram.ok({ type: "poll/vote", pollId: pollId!, choices: [0] });
    await bram.ok({ type: "poll/vote", pollId: pollId!, choices: [1] });
    await runInDurableObject(demo.stub(), (room) => room.flushReports());

    const rows = await env.DB.prepare(
      "SELECT r.name, a.kind, a.count FROM session_activity a JOIN registrations r ON r.id = a.registration_id WHERE a.session_id = ? ORDER BY r.name, a.kind",
    )
      .bind(demo.sessionId)
      .all<{ name: string; kind: string; count: number }>();
    const of = (prefix: string) =>
      Object.fromEntries(rows.results.filter((r) => r.name.startsWith(prefix)).map((r) => [r.kind, r.count]));
    expect(of("Ada")).toEqual({ chat: 2, question: 1 });
    expect(of("Bram")).toEqual({ upvote: 1, vote: 1 });
    for (const c of [mia, ada, bram]) c.close();
  });
});
