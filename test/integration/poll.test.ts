import { runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { SessionResultsResponse } from "../../core/contract/interactions";
import { admin } from "./helpers";
import { liveDemo, type LiveClient } from "./live/client";

async function openPoll(mia: LiveClient, poll: Record<string, unknown>): Promise<string> {
  const { entityId } = await mia.ok({ type: "poll/create", poll });
  await mia.ok({ type: "poll/open", pollId: entityId! });
  return entityId!;
}

describe("polls", () => {
  it("keeps drafts to staff, then takes one vote per person (changeable) with batched live tallies", async () => {
    const demo = await liveDemo();
    const [mia, ada, bram, chloe] = [
      await demo.join("mia"),
      await demo.join("ada"),
      await demo.join("bram"),
      await demo.join("chloe"),
    ];
    const { entityId: pollId } = await mia.ok({
      type: "poll/create",
      poll: { question: "Coffee or tea?", kind: "single", options: ["Coffee", "Tea"] },
    });
    expect((await mia.take("poll/upsert", (f) => f.poll.id === pollId)).poll.status).toBe("draft");
    expect(await ada.mutate({ type: "poll/vote", pollId: pollId!, choices: [0] })).toMatchObject({ code: "not_found" });
    expect(ada.has("poll/upsert", (f) => f.poll.id === pollId)).toBe(false);

    await mia.ok({ type: "poll/open", pollId: pollId! });
    expect((await ada.take("poll/upsert", (f) => f.poll.id === pollId)).poll).toMatchObject({
      status: "open",
      visible: true,
      counts: [0, 0],
    });
    // Four votes at once (Bram's second replaces his first: frames on one socket keep their order).
    await Promise.all([
      ada.ok({ type: "poll/vote", pollId: pollId!, choices: [0] }),
      bram.ok({ type: "poll/vote", pollId: pollId!, choices: [1] }),
      chloe.ok({ type: "poll/vote", pollId: pollId!, choices: [1] }),
      bram.ok({ type: "poll/vote", pollId: pollId!, choices: [0] }),
    ]);
    const tally = await chloe.take("poll/tally", (f) => f.pollId === pollId && f.voters === 3 && f.counts?.[0] === 2);
    expect(tally.counts).toEqual([2, 1]);
    // Four votes, but the tallies leave a few times a second, not once per vote.
    expect(chloe.frames.filter((f) => f.type === "poll/tally" && f.pollId === pollId).length).toBeLessThan(3);
    expect(await ada.mutate({ type: "poll/vote", pollId: pollId!, choices: [0, 1] })).toMatchObject({
      code: "bad_frame",
      field: "choices",
    });
    expect(await ada.mutate({ type: "poll/vote", pollId: pollId!, choices: [7] })).toMatchObject({ code: "bad_frame" });

    await mia.ok({ type: "poll/close", pollId: pollId! });
    expect(
      (await ada.take("poll/upsert", (f) => f.poll.id === pollId && f.poll.status === "closed")).poll.counts,
    ).toEqual([2, 1]);
    expect(await ada.mutate({ type: "poll/vote", pollId: pollId!, choices: [1] })).toMatchObject({ code: "closed" });
    const adaAgain = await demo.join("ada");
    expect(adaAgain.me.me.polls[pollId!]).toEqual([0]);

    await mia.ok({ type: "poll/visibility", pollId: pollId!, visible: false });
    expect((await bram.take("poll/removed")).pollId).toBe(pollId);
    for (const c of [mia, ada, bram, chloe, adaAgain]) c.close();
  });

  it("shows participants the results only after closing when the moderator chose so", async () => {
    const demo = await liveDemo();
    const [mia, ada] = [await demo.join("mia"), await demo.join("ada")];
    const pollId = await openPoll(mia, {
      question: "Secret ballot?",
      kind: "multi",
      options: ["A", "B", "C"],
      results: "after-close",
    });
    await ada.ok({ type: "poll/vote", pollId, choices: [2, 0] });
    const staffTally = await mia.take("poll/tally", (f) => f.pollId === pollId && f.voters === 1);
    expect(staffTally.counts).toEqual([1, 0, 1]);
    const participantTally = await ada.take("poll/tally", (f) => f.pollId === pollId && f.voters === 1);
    expect(participantTally.counts).toBeNull();
    await mia.ok({ type: "poll/close", pollId });
    expect(
      (await ada.take("poll/upsert", (f) => f.poll.id === pollId && f.poll.status === "closed")).poll.counts,
    ).toEqual([1, 0, 1]);
    for (const c of [mia, ada]) c.close();
  });

  it("writes the final tally to D1 for the report", async () => {
    const demo = await liveDemo();
    const [mia, bram] = [await demo.join("mia"), await demo.join("bram")];
    const pollId = await openPoll(mia, { question: "Report me", kind: "single", options: ["Yes", "No"] });
    await bram.ok({ type: "poll/vote", pollId, choices: [1] });
    await mia.ok({ type: "poll/close", pollId });
    await runInDurableObject(demo.stub(), (room) => room.flushReports());
    const report = (await (
      await admin(`/api/admin/sessions/${demo.sessionId}/results`)
    ).json()) as SessionResultsResponse;
    expect(report.results.find((r) => r.interactionId === pollId)).toMatchObject({
      title: "Report me",
      result: { type: "poll", options: ["Yes", "No"], counts: [0, 1], voters: 1 },
    });
    for (const c of [mia, bram]) c.close();
  });

  it("refuses invalid polls with the offending field", async () => {
    const demo = await liveDemo();
    const mia = await demo.join("mia");
    expect(
      await mia.mutate({ type: "poll/create", poll: { question: "Q", kind: "single", options: ["Same", "same"] } }),
    ).toMatchObject({
      code: "bad_frame",
      field: "poll.options.1",
    });
    expect(
      await mia.mutate({ type: "poll/create", poll: { question: "Q", kind: "single", options: ["Only one"] } }),
    ).toMatchObject({
      code: "bad_frame",
      field: "poll.options",
    });
    mia.close();
  });
});
