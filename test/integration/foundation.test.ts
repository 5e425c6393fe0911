import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApp } from "../../worker/app";
import type { ProgrammeResponse } from "../../core/contract/index";
import { PROTOCOL_VERSION } from "../../core/protocol";
import { admin, call, openSocket, ORIGIN, register, seedDemo, signIn } from "./helpers";

describe("health and errors", () => {
  it("answers /healthz with 200 and security headers", async () => {
    const res = await call("/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    const csp = res.headers.get("Content-Security-Policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(res.headers.get("Referrer-Policy")).toBe("no-referrer");
  });

  it("answers unknown API routes with a JSON 404", async () => {
    const res = await call("/api/nothing-here");
    expect(res.status).toBe(404);
    expect(res.headers.get("Content-Type")).toContain("application/json");
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("not_found");
    expect(body.error.message).toContain("/api/nothing-here");
  });

  it("refuses the admin API without credentials and with a wrong one (401)", async () => {
    const none = await call("/api/admin/demo", { method: "POST" });
    expect(none.status).toBe(401);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
    const wrong = await call("/api/admin/demo", {
      method: "POST",
      headers: { Authorization: "Bearer not-the-token-at-all-0123456789" },
    });
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
  });

  it("refuses oversized request bodies with 413 before a handler reads them", async () => {
    const res = await admin("/api/admin/demo", { method: "POST", body: "x".repeat(70 * 1024) });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("payload_too_large");
  });

  it("names a missing or malformed setting on the first request, without a stack trace", async () => {
    const app = createApp();
    const broken = { ...env, ADMIN_TOKEN: undefined, MEDIA_PROVIDER: "cloud" };
    const res = await app.fetch(new Request(`${ORIGIN}/healthz`), broken);
    expect(res.status).toBe(500);
    const body = (await res.json()) as { error: { code: string; message: string; fields: Record<string, string> } };
    expect(body.error.code).toBe("config_invalid");
    expect(body.error.fields.ADMIN_TOKEN).toBe("is missing");
    expect(body.error.fields.MEDIA_PROVIDER).toBe("must be local or aws");
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
  });

  it("requires AWS settings only when a cloud provider is chosen", async () => {
    const app = createApp();
    const res = await app.fetch(new Request(`${ORIGIN}/healthz`), { ...env, EMAIL_PROVIDER: "ses" });
    const body = (await res.json()) as { error: { fields: Record<string, string> } };
    expect(Object.keys(body.error.fields).sort()).toEqual([
      "AWS_ACCESS_KEY_ID",
      "AWS_REGION",
      "AWS_SECRET_ACCESS_KEY",
      "SES_FROM",
    ]);
  });
});

describe("demo and personal link", () => {
  it("seeds the demo once and returns five working links", async () => {
    const first = await admin("/api/admin/demo", { method: "POST" });
    expect(first.status).toBe(201);
    const again = await admin("/api/admin/demo", { method: "POST" });
    expect(again.status).toBe(200);
    const { people } = (await again.json()) as { people: { role: string; link: string }[] };
    expect(people.map((p) => p.role).sort()).toEqual([
      "moderator",
      "participant",
      "participant",
      "participant",
      "producer",
    ]);
    for (const p of people) expect(p.link).toMatch(/^http:\/\/foyer\.test\/j\/[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it("returns only the demo's own people, not the links of those who registered on its public page", async () => {
    await seedDemo();
    const res = await register("demo", {
      name: "Walk In",
      email: `walk-in-${Date.now()}@example.com`,
      answers: { ticket: "standard" },
    });
    expect(res.status).toBe(201);
    const { people } = await seedDemo();
    expect(people.map((p) => p.name)).not.toContain("Walk In");
    expect(people).toHaveLength(5);
  });

  it("turns a link into an HttpOnly, Secure, SameSite cookie and a redirect without the token", async () => {
    const { people } = await seedDemo();
    const res = await call(new URL(people[2]!.link).pathname, { redirect: "manual" });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/portal");
    const cookie = res.headers.get("Set-Cookie") ?? "";
    expect(cookie).toMatch(/^foyer_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it("sets the cookie without Secure only on the local machine over plain HTTP (Safari drops Secure there)", async () => {
    const { people } = await seedDemo();
    const path = new URL(people[2]!.link).pathname;
    const local = await exports.default.fetch(new Request(`http://127.0.0.1:8787${path}`, { redirect: "manual" }));
    expect(local.status).toBe(303);
    const cookie = local.headers.get("Set-Cookie") ?? "";
    expect(cookie).toMatch(/^foyer_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
    const secure = await exports.default.fetch(
      new Request(`https://events.example.com${path}`, { redirect: "manual" }),
    );
    expect(secure.headers.get("Set-Cookie") ?? "").toMatch(/Secure/i);
  });

  it("refuses a tampered link with 403 and sets no cookie", async () => {
    const { people } = await seedDemo();
    const path = new URL(people[2]!.link).pathname;
    const tampered = path.slice(0, -2) + (path.endsWith("A") ? "BB" : "AA");
    const res = await call(tampered, { redirect: "manual" });
    expect(res.status).toBe(403);
    expect(res.headers.get("Set-Cookie")).toBeNull();
    expect(await res.text()).toContain('content="invalid"');
  });

  it("shows the signed-in person and their programme", async () => {
    const { people } = await seedDemo();
    const cookie = await signIn(people[2]!.link);
    const me = await call("/api/me", { headers: { Cookie: cookie } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { registration: { name: string } }).registration.name).toBe(people[2]!.name);
    const programme = (await (
      await call("/api/me/programme", { headers: { Cookie: cookie } })
    ).json()) as ProgrammeResponse;
    expect(programme.liveSessionId).not.toBeNull();
    expect(programme.sessions.find((s) => s.id === programme.liveSessionId)?.kind).toBe("stage");
  });

  it("answers /api/me without a cookie with 401", async () => {
    const res = await call("/api/me");
    expect(res.status).toBe(401);
  });
});

describe("session websocket", () => {
  async function signedInParticipant() {
    const { people } = await seedDemo();
    const cookie = await signIn(people[2]!.link);
    const programme = (await (
      await call("/api/me/programme", { headers: { Cookie: cookie } })
    ).json()) as ProgrammeResponse;
    return { person: people[2]!, cookie, sessionId: programme.liveSessionId! };
  }

  it("completes the hello/welcome handshake with the person's identity", async () => {
    const { person, cookie, sessionId } = await signedInParticipant();
    const socket = await openSocket(sessionId, cookie);
    socket.send({ type: "hello", v: PROTOCOL_VERSION, device: "desktop" });
    const welcome = await socket.next("welcome");
    expect(welcome.sessionId).toBe(sessionId);
    expect(welcome.you).toMatchObject({ name: person.name, role: "participant" });
    expect(Math.abs(welcome.serverTime - Date.now())).toBeLessThan(5000);
    socket.close();
  });

  it("answers bad frames with error frames and keeps the socket usable", async () => {
    const { cookie, sessionId } = await signedInParticipant();
    const socket = await openSocket(sessionId, cookie);

    socket.send({ type: "clock/ping", t: 1 });
    expect(await socket.next("error")).toMatchObject({ code: "hello_required" });

    socket.send({ type: "hello", v: PROTOCOL_VERSION });
    await socket.next("welcome");

    socket.send("{not json");
    expect(await socket.next("error")).toMatchObject({ code: "bad_json" });
    socket.send({ type: "poll/explode" });
    expect(await socket.next("error")).toMatchObject({ code: "unknown_type", field: "type" });
    socket.send({ type: "clock/ping", t: "soon" });
    expect(await socket.next("error")).toMatchObject({ code: "bad_frame", field: "t" });
    socket.send(JSON.stringify({ type: "clock/ping", t: 1, pad: "x".repeat(10_000) }));
    expect(await socket.next("error")).toMatchObject({ code: "too_large" });

    socket.send({ type: "clock/ping", t: 42 });
    const pong = await socket.next("clock/pong");
    expect(pong.t).toBe(42);
    expect(socket.closed).toBeUndefined();
    socket.close();
  });

  it("answers raw keepalive pings without involving the protocol", async () => {
    const { cookie, sessionId } = await signedInParticipant();
    const socket = await openSocket(sessionId, cookie);
    const pong = new Promise<string>((resolve) =>
      socket.ws.addEventListener("message", (e) => {
        if (e.data === "pong") resolve(e.data);
      }),
    );
    socket.send("ping");
    expect(await pong).toBe("pong");
    socket.close();
  });

  it("closes with 4000 when the client speaks another protocol version", async () => {
    const { cookie, sessionId } = await signedInParticipant();
    const socket = await openSocket(sessionId, cookie);
    const closed = new Promise<number>((resolve) => socket.ws.addEventListener("close", (e) => resolve(e.code)));
    socket.send({ type: "hello", v: PROTOCOL_VERSION + 1 });
    expect(await socket.next("error")).toMatchObject({ field: "v" });
    expect(await closed).toBe(4000);
  });

  it("refuses upgrades without a session cookie, from a foreign origin, or to another event's session", async () => {
    const { cookie, sessionId } = await signedInParticipant();
    const noCookie = await call(`/api/sessions/${sessionId}/ws`, { headers: { Upgrade: "websocket", Origin: ORIGIN } });
    expect(noCookie.status).toBe(401);
    const foreign = await call(`/api/sessions/${sessionId}/ws`, {
      headers: { Upgrade: "websocket", Origin: "https://evil.example", Cookie: cookie },
    });
    expect(foreign.status).toBe(403);
    const noOrigin = await call(`/api/sessions/${sessionId}/ws`, { headers: { Upgrade: "websocket", Cookie: cookie } });
    expect(noOrigin.status).toBe(403);
    const unknown = await call(`/api/sessions/ses_doesnotexist/ws`, {
      headers: { Upgrade: "websocket", Origin: ORIGIN, Cookie: cookie },
    });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe("not_found");
  });

  it("refuses a person outside the session's audience", async () => {
    const { people } = await seedDemo();
    // Bram holds a standard ticket; the edge breakout is for VIPs and speakers only.
    const bram = people.find((p) => p.name.startsWith("Bram"))!;
    const cookie = await signIn(bram.link);
    const staff = await signIn(people.find((p) => p.role === "moderator")!.link);
    const all = (await (await call("/api/me/programme", { headers: { Cookie: staff } })).json()) as ProgrammeResponse;
    const vipOnly = all.sessions.find((s) => s.title.includes("edge"))!;
    const res = await call(`/api/sessions/${vipOnly.id}/ws`, {
      headers: { Upgrade: "websocket", Origin: ORIGIN, Cookie: cookie },
    });
    expect(res.status).toBe(403);
    const own = (await (await call("/api/me/programme", { headers: { Cookie: cookie } })).json()) as ProgrammeResponse;
    expect(own.sessions.map((s) => s.id)).not.toContain(vipOnly.id);
  });
});
