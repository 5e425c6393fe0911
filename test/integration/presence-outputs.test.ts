import { runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { PROTOCOL_VERSION } from "../../core/protocol";
import type { AttendanceResponse } from "../../core/contract/interactions";
import { admin } from "./helpers";
import { connect, liveDemo, mutationId } from "./live/client";

/**
 * A producer's output page (a browser source in OBS) holds a socket to the session for hours.
 * It is not a person: it must not show up in "N here", in the moderators' People list, or in the
 * attendance report.
 */
describe("presence of output pages", () => {
  it("an output page of the producer leaves the count, the People list and attendance as they were", async () => {
    const demo = await liveDemo();
    const mia = await demo.join("mia");
    const ada = await demo.join("ada");
    await ada.take("presence/count", (f) => f.count === 2);

    const output = await connect(demo.sessionId, demo.cookies.pim);
    output.send({ type: "hello", v: PROTOCOL_VERSION, device: "desktop", client: "output" });
    const welcome = await output.take("welcome");
    const pim = welcome.you.registrationId;
    const snapshot = await output.take("snapshot");
    await output.take("me");
    // The output page gets the whole staff state, but does not see itself among the people here.
    expect(snapshot.state.presence.count).toBe(2);
    expect(snapshot.state.presence.people?.map((p) => p.name).sort()).toEqual(["Ada Lovelace", "Mia Moderator"]);

    // Someone arrives after the output page: the count and the list move by that person only.
    const bram = await demo.join("bram");
    await mia.take("presence/people", (f) => f.joined.some((p) => p.name === "Bram de Vries"));
    await ada.take("presence/count", (f) => f.count === 3);
    const second = await demo.join("mia");
    expect(second.snapshot!.state.presence.count).toBe(3);
    expect(second.snapshot!.state.presence.people?.map((p) => p.name).sort()).toEqual([
      "Ada Lovelace",
      "Bram de Vries",
      "Mia Moderator",
    ]);
    expect(mia.has("presence/people", (f) => f.joined.some((p) => p.registrationId === pim))).toBe(false);
    expect(ada.has("presence/count", (f) => f.count === 4)).toBe(false);

    // The output page closes (OBS scene switched): no departure for anyone, no visit recorded.
    output.close();
    bram.close();
    await mia.take("presence/people", (f) => f.left.length > 0);
    expect(mia.has("presence/people", (f) => f.left.includes(pim))).toBe(false);
    await runInDurableObject(demo.stub(), (room) => room.flushReports());
    const attendance = (await (
      await admin(`/api/admin/sessions/${demo.sessionId}/attendance`)
    ).json()) as AttendanceResponse;
    expect(attendance.visits.some((v) => v.registrationId === pim)).toBe(false);
    expect(attendance.visits.some((v) => v.registrationId === ada.welcome.you.registrationId)).toBe(true);
    for (const c of [mia, ada, second]) c.close();
  });

  it("the output page still follows the session: it hears what moderators do", async () => {
    const demo = await liveDemo();
    const mia = await demo.join("mia");
    const output = await connect(demo.sessionId, demo.cookies.pim);
    output.send({ type: "hello", v: PROTOCOL_VERSION, device: "desktop", client: "output" });
    await output.take("me");
    await mia.ok({
      type: "poll/create",
      poll: { question: "Coffee or tea?", kind: "single", options: ["Coffee", "Tea"] },
    });
    await output.take("poll/upsert", (f) => f.poll.question === "Coffee or tea?");
    for (const c of [mia, output]) c.close();
  });

  it("a participant cannot claim to be an output page to hide from the People list", async () => {
    const demo = await liveDemo();
    const mia = await demo.join("mia");
    const ada = await connect(demo.sessionId, demo.cookies.ada);
    ada.send({ type: "hello", v: PROTOCOL_VERSION, device: "desktop", client: "output" });
    const refused = await ada.take("error");
    expect(refused).toMatchObject({ code: "not_allowed", field: "client" });
    expect(ada.has("welcome")).toBe(false);
    // Without a handshake the socket can do nothing in the room.
    ada.send({ type: "chat/send", id: mutationId(), text: "nobody sees me" });
    expect(await ada.take("error")).toMatchObject({ code: "hello_required" });
    // As herself, she is here like everyone else.
    await ada.hello();
    await mia.take("presence/people", (f) => f.joined.some((p) => p.name === "Ada Lovelace"));
    for (const c of [mia, ada]) c.close();
  });
});
