import { runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { SessionResultsResponse } from "../../core/contract/interactions";
import { admin } from "./helpers";
import { liveDemo } from "./live/client";

describe("word clouds", () => {
  it("counts entries that differ in case, spacing or accents together, showing a real spelling", async () => {
    const demo = await liveDemo();
    const [mia, ada, bram, chloe] = [
      await demo.join("mia"),
      await demo.join("ada"),
      await demo.join("bram"),
      await demo.join("chloe"),
    ];
    const { entityId: cloudId } = await mia.ok({
      type: "wordcloud/create",
      cloud: { prompt: "One word for today?", perPerson: 2 },
    });
    await mia.ok({ type: "wordcloud/open", cloudId: cloudId! });
    await ada.take("wordcloud/upsert", (f) => f.cloud.id === cloudId);
    await ada.ok({ type: "wordcloud/submit", cloudId: cloudId!, text: "Café" });
    await bram.ok({ type: "wordcloud/submit", cloudId: cloudId!, text: "  cafe " });
    await chloe.ok({ type: "wordcloud/submit", cloudId: cloudId!, text: "CAFÉ" });
    await chloe.ok({ type: "wordcloud/submit", cloudId: cloudId!, text: "Edge" });
    const words = await ada.take("wordcloud/words", (f) => f.cloudId === cloudId && f.entries === 4);
    expect(words.words[0]).toMatchObject({ count: 3 });
    expect(["Café", "cafe", "CAFÉ"]).toContain(words.words[0]!.text);
    expect(words.words[1]).toEqual({ text: "Edge", count: 1 });

    expect(await ada.mutate({ type: "wordcloud/submit", cloudId: cloudId!, text: "cafe" })).toMatchObject({
      code: "conflict",
    });
    expect(await chloe.mutate({ type: "wordcloud/submit", cloudId: cloudId!, text: "third" })).toMatchObject({
      code: "limit_reached",
    });
    expect(await bram.mutate({ type: "wordcloud/submit", cloudId: cloudId!, text: "Kut" })).toMatchObject({
      code: "filtered",
    });
    const chloeAgain = await demo.join("chloe");
    expect(chloeAgain.me.me.words[cloudId!]).toEqual(["CAFÉ", "Edge"]);
    for (const c of [mia, ada, bram, chloe, chloeAgain]) c.close();
  });

  it("lets moderators extend the filter: matching entries disappear, and come back when unfiltered", async () => {
    const demo = await liveDemo();
    const [mia, ada, bram] = [await demo.join("mia"), await demo.join("ada"), await demo.join("bram")];
    const { entityId: cloudId } = await mia.ok({ type: "wordcloud/create", cloud: { prompt: "Feedback?" } });
    await mia.ok({ type: "wordcloud/open", cloudId: cloudId! });
    await ada.ok({ type: "wordcloud/submit", cloudId: cloudId!, text: "Boring" });
    await bram.ok({ type: "wordcloud/submit", cloudId: cloudId!, text: "great" });
    await ada.take("wordcloud/words", (f) => f.cloudId === cloudId && f.entries === 2);
    // An earlier count (Ada's word alone) may still wait in the queue under load: drop it, so the
    // next count taken is the one after the block.
    while (ada.has("wordcloud/words")) await ada.take("wordcloud/words");
    await mia.ok({ type: "wordcloud/block", word: "BORING", blocked: true });
    expect((await mia.take("wordcloud/blocklist")).words).toContain("boring");
    expect((await ada.take("wordcloud/words", (f) => f.cloudId === cloudId && f.entries === 1)).words).toEqual([
      { text: "great", count: 1 },
    ]);
    expect(await bram.mutate({ type: "wordcloud/submit", cloudId: cloudId!, text: "boring" })).toMatchObject({
      code: "filtered",
    });
    expect(ada.has("wordcloud/blocklist")).toBe(false);
    await mia.ok({ type: "wordcloud/block", word: "boring", blocked: false });
    await ada.take("wordcloud/words", (f) => f.cloudId === cloudId && f.entries === 2);

    await mia.ok({ type: "wordcloud/close", cloudId: cloudId! });
    expect(await bram.mutate({ type: "wordcloud/submit", cloudId: cloudId!, text: "late" })).toMatchObject({
      code: "closed",
    });
    await runInDurableObject(demo.stub(), (room) => room.flushReports());
    const report = (await (
      await admin(`/api/admin/sessions/${demo.sessionId}/results`)
    ).json()) as SessionResultsResponse;
    expect(report.results.find((r) => r.interactionId === cloudId)?.result).toMatchObject({
      type: "wordcloud",
      entries: 2,
      contributors: 2,
    });
    for (const c of [mia, ada, bram]) c.close();
  });
});
