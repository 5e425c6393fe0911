import { describe, expect, it } from "vitest";
import { Limits } from "../../core/protocol";
import { liveDemo } from "./live/client";

describe("chat", () => {
  it("delivers a message to everyone in the session, with history for late joiners", async () => {
    const demo = await liveDemo();
    const ada = await demo.join("ada");
    const bram = await demo.join("bram");
    const ack = await ada.ok({ type: "chat/send", text: "  Hello   everyone!  " });
    expect(ack.entityId).toMatch(/^msg_/);
    const seen = await bram.take("chat/message", (f) => f.message.id === ack.entityId);
    expect(seen.message).toMatchObject({ authorName: "Ada Lovelace", text: "Hello   everyone!", staff: false });
    const chloe = await demo.join("chloe");
    expect(chloe.snapshot!.state.chat.messages.map((m) => m.text)).toContain("Hello   everyone!");
    for (const c of [ada, bram, chloe]) c.close();
  });

  it("refuses messages over 500 characters and answers fast senders with when to retry", async () => {
    const demo = await liveDemo();
    const bram = await demo.join("bram");
    const tooLong = await bram.mutate({ type: "chat/send", text: "x".repeat(Limits.chatChars + 1) });
    expect(tooLong).toMatchObject({ type: "error", code: "bad_frame", field: "text" });
    for (let i = 0; i < Limits.chatBurst; i++) await bram.ok({ type: "chat/send", text: `burst ${i}` });
    const limited = await bram.mutate({ type: "chat/send", text: "one too many" });
    expect(limited).toMatchObject({ type: "error", code: "rate_limited" });
    expect(limited.type === "error" && limited.retryAfterMs).toBeGreaterThan(0);
    expect(limited.type === "error" && limited.retryAfterMs).toBeLessThanOrEqual(Limits.chatRefillMs);
    // The socket lives on.
    expect(await bram.mutate({ type: "qa/upvote", questionId: "q_none", up: true })).toMatchObject({
      code: "not_found",
    });
    bram.close();
  });

  it("lets a moderator delete a message for everyone, also for people who join later", async () => {
    const demo = await liveDemo();
    const [mia, ada, chloe] = [await demo.join("mia"), await demo.join("ada"), await demo.join("chloe")];
    const { entityId } = await ada.ok({ type: "chat/send", text: "something regrettable" });
    await chloe.take("chat/message", (f) => f.message.id === entityId);
    await mia.ok({ type: "chat/delete", messageId: entityId! });
    expect((await chloe.take("chat/deleted")).messageId).toBe(entityId);
    const later = await demo.join("bram");
    expect(later.snapshot!.state.chat.messages.map((m) => m.id)).not.toContain(entityId);
    expect(await mia.mutate({ type: "chat/delete", messageId: entityId! })).toMatchObject({ code: "not_found" });
    for (const c of [mia, ada, chloe, later]) c.close();
  });

  it("mutes a participant: they are told, cannot send, stay told after reconnecting, until unmuted", async () => {
    const demo = await liveDemo();
    const mia = await demo.join("mia");
    const chloe = await demo.join("chloe");
    await mia.ok({ type: "chat/mute", registrationId: chloe.welcome.you.registrationId, muted: true });
    expect(await chloe.take("chat/mute-state")).toMatchObject({ muted: true });
    expect((await mia.take("chat/muted")).person.name).toBe("Chloé Martin");
    expect(await chloe.mutate({ type: "chat/send", text: "let me speak" })).toMatchObject({ code: "muted" });
    chloe.close();
    const again = await demo.join("chloe");
    expect(again.me.me.chatMuted).toBe(true);
    await mia.ok({ type: "chat/mute", registrationId: again.welcome.you.registrationId, muted: false });
    expect(await again.take("chat/mute-state")).toMatchObject({ muted: false });
    await again.ok({ type: "chat/send", text: "thanks" });
    expect(
      await mia.mutate({ type: "chat/mute", registrationId: mia.welcome.you.registrationId, muted: true }),
    ).toMatchObject({ code: "conflict" });
    for (const c of [mia, again]) c.close();
  });

  it("switches the chat off and on for everyone", async () => {
    const demo = await liveDemo();
    const mia = await demo.join("mia");
    const ada = await demo.join("ada");
    await mia.ok({ type: "chat/configure", enabled: false });
    expect(await ada.take("chat/configured")).toMatchObject({ enabled: false });
    expect(await ada.mutate({ type: "chat/send", text: "anyone?" })).toMatchObject({ code: "closed" });
    await mia.ok({ type: "chat/configure", enabled: true });
    await ada.take("chat/configured", (f) => f.enabled);
    await ada.ok({ type: "chat/send", text: "back again" });
    for (const c of [mia, ada]) c.close();
  });
});
