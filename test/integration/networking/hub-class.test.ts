import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { EventHub } from "../../../durable-objects/hub/EventHub";
import { SessionRoom } from "../../../durable-objects/session/SessionRoom";
import { eventHub, sessionRoom } from "../../../server/rooms";
import { hubRoomName } from "../../../core/protocol/networking";
import { freshCrowd } from "./people";

const tables = (state: DurableObjectState) =>
  state.storage.sql
    .exec<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
    .toArray()
    .map((t) => t.name);

describe("the event hub", () => {
  it("is an object of its own class: the hub socket reaches EventHub, and each class keeps only its own tables", async () => {
    const crowd = await freshCrowd([{ name: "Ada" }, { name: "Bram" }]);
    const [ada] = crowd.people;
    // A hub socket after its handshake: the invitations come from the EventHub object.
    const hub = await crowd.hub(ada!);
    expect(hub.you).toMatchObject({ incoming: [], outgoing: [] });

    const hubTables = await runInDurableObject(crowd.hubStub(), (instance, state) => {
      expect(instance).toBeInstanceOf(EventHub);
      return tables(state);
    });
    expect(hubTables).toEqual(expect.arrayContaining(["invites", "invite_blocks", "one_to_ones", "rtc_members"]));
    expect(hubTables).not.toContain("carousel_groups");
    expect(hubTables).not.toContain("chat_messages");

    const carouselTables = await runInDurableObject(sessionRoom(env, crowd.carouselId), (instance, state) => {
      expect(instance).toBeInstanceOf(SessionRoom);
      return tables(state);
    });
    expect(carouselTables).toEqual(expect.arrayContaining(["rtc_members"]));
    for (const table of ["invites", "invite_blocks", "one_to_ones"]) expect(carouselTables).not.toContain(table);
    hub.close();
  });

  it("learns its name from the stub helper alone, before the RPC that needs it (no id argument, no socket)", async () => {
    const eventId = `named-${Date.now()}`;
    // A hub nobody has connected to yet: only an RPC has reached it.
    expect(await eventHub(env, eventId).onlineAmong(["nobody"])).toEqual([]);
    const stored = await runInDurableObject(
      env.EVENT_HUB.get(env.EVENT_HUB.idFromName(hubRoomName(eventId))),
      (_hub, state) =>
        state.storage.sql.exec<{ value: string }>("SELECT value FROM room_meta WHERE key = 'session_id'").toArray(),
    );
    expect(stored).toEqual([{ value: hubRoomName(eventId) }]);
  });
});
