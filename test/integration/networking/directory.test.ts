import { describe, expect, it } from "vitest";
import type { DirectoryPage, PreferencesResponse } from "../../../core/contract/networking";
import { adminJson, call, ORIGIN } from "../helpers";
import { api, freshCrowd, networkingDemo } from "./people";

type ErrorBody = { error: { code: string; fields?: Record<string, string> } };

const directory = async (cookie: string, query = "") => {
  const res = await api(`/api/me/directory${query}`, cookie);
  expect(res.status).toBe(200);
  return (await res.json()) as DirectoryPage;
};

describe("participant directory", () => {
  it("lists only people who opted in, with their organisation and the organizer's chosen attributes", async () => {
    const demo = await networkingDemo();
    const page = await directory(demo.cookies.ada);
    // The demo's participants opted in; its staff did not; nobody sees themselves.
    expect(page.items.map((e) => e.name)).toEqual(["Bram de Vries", "Chloé Martin"]);
    expect(page.attributes).toEqual([
      { key: "interests", label: "Interests", optionLabels: { ai: "AI", design: "Design", hardware: "Hardware" } },
    ]);
    // Bram registered in Dutch: the labels are Dutch, the values people hold are the same.
    expect((await directory(demo.cookies.bram)).attributes).toEqual([
      { key: "interests", label: "Interesses", optionLabels: { ai: "AI", design: "Ontwerp", hardware: "Hardware" } },
    ]);
    expect((await directory(demo.cookies.bram, "?lang=en")).attributes[0]!.label).toBe("Interests");
    const chloe = page.items[1]!;
    expect(chloe).toMatchObject({
      organisation: "Lumière",
      attributes: { interests: ["ai", "design"] },
      role: "participant",
      invitable: true,
    });
    // Nothing else of the registration leaves the server: no e-mail, no ticket.
    expect(JSON.stringify(page)).not.toMatch(/@demo\.foyer\.test|ticket|speaker/);
  });

  it("starts everyone unlisted, and follows their choice both ways", async () => {
    const crowd = await freshCrowd([{ name: "Anna Viewer" }, { name: "Ben Shy", listed: false }]);
    const [anna, ben] = crowd.people as [(typeof crowd.people)[0], (typeof crowd.people)[0]];
    const before = (await (await api("/api/me/preferences", ben.cookie)).json()) as PreferencesResponse;
    expect(before).toMatchObject({ listed: false, invitations: true, card: { name: "Ben Shy" } });
    expect((await directory(anna.cookie)).items).toEqual([]);

    const on = await api("/api/me/preferences", ben.cookie, {
      method: "PATCH",
      json: { listed: true, invitations: false },
    });
    expect((await on.json()) as PreferencesResponse).toMatchObject({ listed: true, invitations: false });
    expect((await directory(anna.cookie)).items).toEqual([
      expect.objectContaining({ name: "Ben Shy", invitable: false }),
    ]);

    await api("/api/me/preferences", ben.cookie, { method: "PATCH", json: { listed: false } });
    expect((await directory(anna.cookie)).items).toEqual([]);
  });

  it("searches names and organisations, ignoring case and accents, and pages by name", async () => {
    const demo = await networkingDemo();
    expect((await directory(demo.cookies.bram, "?q=chloe")).items.map((e) => e.name)).toEqual(["Chloé Martin"]);
    expect((await directory(demo.cookies.bram, "?q=LUMI")).items.map((e) => e.name)).toEqual(["Chloé Martin"]);
    expect((await directory(demo.cookies.ada, "?q=polder")).items.map((e) => e.name)).toEqual(["Bram de Vries"]);
    expect((await directory(demo.cookies.ada, "?q=%25")).items).toEqual([]);

    const crowd = await freshCrowd(["Zoë", "yara", "Xavier", "Émile", "Viewer"].map((name) => ({ name })));
    const viewer = crowd.people[4]!;
    const seen: string[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const page: DirectoryPage = await directory(viewer.cookie, `?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((e) => e.name));
      cursor = page.nextCursor;
    }
    expect(seen.sort()).toEqual(["Xavier", "Zoë", "yara", "Émile"].sort());
    expect(new Set(seen).size).toBe(4);
  });

  it("shows who has the portal open", async () => {
    const demo = await networkingDemo();
    const bram = await demo.hub("bram");
    const page = await directory(demo.cookies.ada);
    expect(page.items.find((e) => e.name === "Bram de Vries")?.online).toBe(true);
    bram.close();
  });

  it("validates at the door and answers in JSON", async () => {
    const demo = await networkingDemo();
    const bad = await api("/api/me/directory?limit=0", demo.cookies.ada);
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as ErrorBody).error.fields).toHaveProperty("limit");
    expect((await api("/api/me/directory?cursor=nonsense", demo.cookies.ada)).status).toBe(422);
    const extra = await api("/api/me/preferences", demo.cookies.ada, {
      method: "PATCH",
      json: { listed: true, email: "x" },
    });
    expect(extra.status).toBe(422);
    const empty = await api("/api/me/preferences", demo.cookies.ada, { method: "PATCH", json: {} });
    expect(empty.status).toBe(422);
    const foreign = await call("/api/me/preferences", {
      method: "PATCH",
      headers: { Cookie: demo.cookies.ada, Origin: "https://evil.example", "Content-Type": "application/json" },
      body: JSON.stringify({ listed: false }),
    });
    expect(foreign.status).toBe(403);
    expect((await call("/api/me/directory")).status).toBe(401);
    expect((await call("/api/sessions/hub/ws", { headers: { Upgrade: "websocket", Origin: ORIGIN } })).status).toBe(
      401,
    );
    expect(
      (
        await call("/api/sessions/hub/ws", {
          headers: { Upgrade: "websocket", Cookie: demo.cookies.ada, Origin: "https://evil.example" },
        })
      ).status,
    ).toBe(403);
  });

  it("lets a moderator take anyone out at once, for good", async () => {
    const crowd = await freshCrowd([
      { name: "Mod", role: "moderator", listed: false },
      { name: "Anna" },
      { name: "Ben" },
    ]);
    const [mod, anna, ben] = crowd.people as [
      (typeof crowd.people)[0],
      (typeof crowd.people)[0],
      (typeof crowd.people)[0],
    ];
    const b = await crowd.hub(ben);
    const a = await crowd.hub(anna);
    const waiting = (await a.ok({ type: "invite/send", to: ben.id })).entityId;
    expect((await api(`/api/me/directory/${ben.id}`, anna.cookie, { method: "DELETE" })).status).toBe(403);
    expect((await api(`/api/me/directory/${ben.id}`, mod.cookie, { method: "DELETE" })).status).toBe(200);
    expect((await directory(anna.cookie)).items).toEqual([]);
    // What waited for him is called off, and he cannot put himself back.
    expect(await a.take("invite/notice", (f) => f.kind === "cancelled")).toMatchObject({ inviteId: waiting });
    const again = await api("/api/me/preferences", ben.cookie, { method: "PATCH", json: { listed: true } });
    expect(again.status).toBe(403);
    expect(((await (await api("/api/me/preferences", ben.cookie)).json()) as PreferencesResponse).removed).toBe(true);
    expect((await api("/api/me/directory/reg_nobody", mod.cookie, { method: "DELETE" })).status).toBe(404);
    for (const c of [a, b]) c.close();
  });

  it("lets the organizer choose the attributes cards show", async () => {
    const demo = await networkingDemo();
    const put = await adminJson<{ directoryAttributes: string[] }>(`/api/admin/events/${demo.eventId}/networking`, {
      method: "PUT",
      json: { directoryAttributes: ["ticket"] },
    });
    expect(put.status).toBe(200);
    const page = await directory(demo.cookies.ada);
    expect(page.attributes).toEqual([
      { key: "ticket", label: "Ticket", optionLabels: { standard: "Standard", vip: "VIP", speaker: "Speaker" } },
    ]);
    expect(page.items.map((e) => e.attributes)).toEqual([{ ticket: "standard" }, { ticket: "speaker" }]);
    await adminJson(`/api/admin/events/${demo.eventId}/networking`, {
      method: "PUT",
      json: { directoryAttributes: ["interests"] },
    });
  });
});
