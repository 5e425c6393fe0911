import { describe, expect, it } from "vitest";
import type { MeResponse } from "../../core/contract/index";
import { adminJson, call, createEvent, seedDemo, signIn } from "./helpers";

async function participant() {
  const { people } = await seedDemo();
  return signIn(people.find((p) => p.role === "participant")!.link);
}

describe("tech check endpoints", () => {
  it("refuses the probes without a session", async () => {
    expect((await call("/api/tech-check/ping")).status).toBe(401);
    expect((await call("/api/tech-check/download?bytes=10")).status).toBe(401);
  });

  it("answers the round-trip probe and serves exactly the requested, uncacheable bytes", async () => {
    const cookie = await participant();
    const ping = await call("/api/tech-check/ping", { headers: { Cookie: cookie } });
    expect(ping.status).toBe(204);
    const res = await call("/api/tech-check/download?bytes=200000", { headers: { Cookie: cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const body = new Uint8Array(await res.arrayBuffer());
    expect(body.byteLength).toBe(200_000);
    // Random, so incompressible: far more than a handful of distinct byte values.
    expect(new Set(body.slice(0, 4096)).size).toBeGreaterThan(200);
  });

  it("refuses the probes once the person's link is revoked, and says how long its own check took", async () => {
    const event = await createEvent();
    const { body: person } = await adminJson<{ id: string }>(`/api/admin/events/${event.id}/registrations`, {
      method: "POST",
      json: { name: "Rev Oked", email: "revoked-probe@example.com", attributes: { ticket: "standard", terms: "yes" } },
    });
    const { body: rotated } = await adminJson<{ link: string }>(
      `/api/admin/events/${event.id}/registrations/${person.id}/link/rotate`,
      { method: "POST", json: { sendInvitation: false } },
    );
    const cookie = await signIn(rotated.link);
    const ping = await call("/api/tech-check/ping", { headers: { Cookie: cookie } });
    expect(ping.status).toBe(204);
    expect(ping.headers.get("Server-Timing")).toMatch(/^auth;dur=\d+$/);
    await adminJson(`/api/admin/events/${event.id}/registrations/${person.id}/link/revoke`, { method: "POST" });
    expect((await call("/api/tech-check/ping", { headers: { Cookie: cookie } })).status).toBe(401);
    expect((await call("/api/tech-check/download?bytes=10", { headers: { Cookie: cookie } })).status).toBe(401);
  });

  it("names the bad parameter when the download size is out of range", async () => {
    const cookie = await participant();
    const res = await call("/api/tech-check/download?bytes=99999999", { headers: { Cookie: cookie } });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { fields: Record<string, string> } }).error.fields.bytes).toContain(
      "1048576",
    );
  });

  it("remembers the result for the person, and the latest run wins", async () => {
    const cookie = await participant();
    const before = (await (await call("/api/me", { headers: { Cookie: cookie } })).json()) as MeResponse;
    expect(before.techCheck).toBeNull();
    const post = (body: unknown) =>
      call("/api/me/tech-check", {
        method: "POST",
        headers: { Cookie: cookie, "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
    expect((await post({ overall: "warn", checks: [{ id: "camera", verdict: "warn" }] })).status).toBe(200);
    expect((await post({ overall: "pass", checks: [{ id: "camera", verdict: "pass" }] })).status).toBe(200);
    const after = (await (await call("/api/me", { headers: { Cookie: cookie } })).json()) as MeResponse;
    expect(after.techCheck?.overall).toBe("pass");
  });

  it("refuses a malformed result naming the field", async () => {
    const cookie = await participant();
    const res = await call("/api/me/tech-check", {
      method: "POST",
      headers: { Cookie: cookie, "Content-Type": "application/json" },
      body: JSON.stringify({ overall: "great", checks: [] }),
    });
    expect(res.status).toBe(422);
    expect(Object.keys(((await res.json()) as { error: { fields: Record<string, string> } }).error.fields)).toEqual([
      "overall",
    ]);
  });
});
