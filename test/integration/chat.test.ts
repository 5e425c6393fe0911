import { describe, expect, it } from "vitest";
import { liveDemo } from "./live/client";

describe("chat", () => {
  it("delivers a message to everyone in the session, with history for late joiners", async () => {
    const demo = await liveDemo();
    const ada = await demo.join("ada");
    const bram = await demo.join("bram");
    const ack = await ada.ok({ type: "chat/send", text: "  Hello   everyone!  " });
    expect(ack.entityId).toMatch(/^msg_/);
    const seen = await bram.take("chat/message");
    expect(seen.message).toMatchObject({ id: ack.entityId, authorName: "Ada Lovelace", text: "Hello   everyone!", staff: false });
    const chloe = await demo.join("chloe");
    expect(chloe.snapshot!.state.chat.messages.map((m) => m.text)).toContain("Hello   everyone!");
    for (const c of [ada, bram, chloe]) c.close();
  });
});
