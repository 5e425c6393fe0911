import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { bootstrap, call, ORIGIN, ownerSession, seedDemo, signInWithLink } from "../helpers";
import { as, type Credential, invite, linkFor, makeToken, newEvent, ok, sessionOf } from "./world";

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };
type Me = { id: string; kind: string; workspaces: { id: string; role: string; eventIds: string[] | null }[] };
const HOUR = 3_600_000;

const signin = (token: string, cookie?: string) =>
  call("/api/admin/auth/signin", {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: ORIGIN, ...(cookie ? { Cookie: cookie } : {}) },
    body: JSON.stringify({ token }),
  });

async function owner(): Promise<{ cred: Credential; A: string }> {
  const { cookie, workspaceId } = await ownerSession();
  return { cred: { cookie }, A: workspaceId };
}

const sql = (query: string, ...params: unknown[]) =>
  env.DB.prepare(query)
    .bind(...params)
    .run();

describe("bootstrap", () => {
  it("works only with the ADMIN_TOKEN, makes an owner once, and is audited as bootstrap", async () => {
    const body = JSON.stringify({ email: "First@Boot.test", name: "First", workspace: "Boot" });
    for (const auth of [undefined, "Bearer nope-0123456789abcdef0123456789abcdef", "Basic eDp5"]) {
      const res = await call("/api/admin/bootstrap", {
        method: "POST",
        headers: { "Content-Type": "application/json", ...(auth ? { Authorization: auth } : {}) },
        body,
      });
      expect(res.status).toBe(401);
    }
    const first = await bootstrap({ email: "First@Boot.test", name: "First", workspace: "Boot" });
    const again = await bootstrap({ email: "first@boot.test", name: "First", workspace: "Boot" });
    expect(again.workspaceId).toBe(first.workspaceId);
    expect(again.personId).toBe(first.personId);
    expect(first.signInLink).toMatch(/^http:\/\/foyer\.test\/admin\/signin#[A-Za-z0-9_-]{43}$/);
    const cookie = await signInWithLink(again.signInLink);
    const me = await ok<Me>(await as({ cookie }, "/api/admin/auth/me"));
    expect(me.workspaces).toEqual([expect.objectContaining({ id: first.workspaceId, role: "owner", eventIds: null })]);
    const audit = await ok<{ items: { actor: string; action: string; personId: string | null }[] }>(
      await as({ cookie }, `/api/admin/audit?workspaceId=${first.workspaceId}`),
    );
    expect(audit.items.map((a) => [a.actor, a.action])).toEqual([
      ["bootstrap", "owner.bootstrap"],
      ["bootstrap", "owner.bootstrap"],
    ]);
  });
});

describe("sign-in links", () => {
  it("sign in once; reused, expired, altered and unknown links all get the same 401", async () => {
    const { A, cred } = await owner();
    const personId = await invite(cred, A, { email: "links@a.test", name: "Lin", role: "viewer" });
    const { token } = await linkFor(personId);
    const res = await signin(token);
    expect(res.status).toBe(200);
    const setCookie = res.headers.get("Set-Cookie") ?? "";
    expect(setCookie).toMatch(/^foyer_admin=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toContain("HttpOnly");
    expect(setCookie).toContain("Secure");
    expect(setCookie).toContain("SameSite=Strict");
    expect(setCookie).toContain("Path=/");
    expect(((await res.json()) as Me).id).toBe(personId);

    const expired = (await linkFor(personId, -1000)).token;
    const fresh = (await linkFor(personId)).token;
    const altered = `${fresh.slice(0, 40)}${fresh.endsWith("AAA") ? "BBB" : "AAA"}`;
    const bodies: string[] = [];
    for (const bad of [token, expired, altered, "x".repeat(43), "short"]) {
      const refused = await signin(bad);
      expect(refused.status, bad).toBe(401);
      expect(refused.headers.get("Set-Cookie")).toBeNull();
      bodies.push(await refused.text());
    }
    expect(new Set(bodies).size).toBe(1);
    expect((JSON.parse(bodies[0]!) as ErrorBody).error.code).toBe("link_invalid");
    // The altered link did not use up the real one.
    expect((await signin(fresh)).status).toBe(200);
  });

  it("refuses another person's link in a browser signed in as someone else, without using it", async () => {
    const { A, cred } = await owner();
    const ann = await invite(cred, A, { email: "ann@a.test", name: "Ann", role: "viewer" });
    const bob = await invite(cred, A, { email: "bob@a.test", name: "Bob", role: "viewer" });
    const annCookie = await sessionOf(ann);
    const bobLink = (await linkFor(bob)).token;
    const res = await signin(bobLink, annCookie);
    expect(res.status).toBe(409);
    expect(res.headers.get("Set-Cookie")).toBeNull();
    expect(((await (await signin(bobLink)).json()) as Me).id).toBe(bob);
  });

  it("answers a link request the same way whether or not the address has an account, and mails only members", async () => {
    const { A, cred } = await owner();
    await invite(cred, A, { email: "known@a.test", name: "Known", role: "viewer" });
    const ask = (email: string, ip: string, language = "nl") =>
      call("/api/admin/auth/link", {
        method: "POST",
        headers: { "Content-Type": "application/json", "CF-Connecting-IP": ip },
        body: JSON.stringify({ email, language }),
      });
    const known = await ask("Known@a.test", "203.0.113.1");
    const unknown = await ask("nobody@a.test", "203.0.113.2");
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(await known.text()).toBe(await unknown.text());
    // The e-mail goes out after the answer (so both answers take as long).
    const mails = await vi.waitFor(async () => {
      const found = await env.DB.prepare("SELECT to_address, subject, text_body FROM outbox WHERE subject LIKE ?")
        .bind("%aanmeldlink%")
        .all<{ to_address: string; subject: string; text_body: string }>();
      if (found.results.length === 0) throw new Error("no sign-in e-mail yet");
      return found;
    });
    expect(mails.results.map((m) => m.to_address)).toEqual(["known@a.test"]);
    expect(mails.results[0]!.text_body).toMatch(/http:\/\/foyer\.test\/admin\/signin#[A-Za-z0-9_-]{43}/);
  });

  it("rate-limits link requests per address (from many networks) and per client IP", async () => {
    const ask = (email: string, ip: string) =>
      call("/api/admin/auth/link", {
        method: "POST",
        headers: { "Content-Type": "application/json", "CF-Connecting-IP": ip },
        body: JSON.stringify({ email }),
      });
    const perAddress = [];
    for (let i = 0; i < 5; i++) perAddress.push((await ask("flood@a.test", `192.0.2.${i + 10}`)).status);
    expect(perAddress.slice(0, 3)).toEqual([202, 202, 202]);
    expect(perAddress.slice(3)).toEqual([429, 429]);
    const perIp = [];
    for (let i = 0; i < 12; i++) perIp.push((await ask(`ip${i}@a.test`, "192.0.2.99")).status);
    expect(perIp.slice(0, 10).every((s) => s === 202)).toBe(true);
    expect(perIp.slice(10)).toEqual([429, 429]);
  });
});

describe("sessions", () => {
  it("end when idle 8 hours, after 7 days, when revoked, on sign-out and everywhere at once", async () => {
    const { A, cred } = await owner();
    const me = await invite(cred, A, { email: "sessions@a.test", name: "Ses", role: "viewer" });
    const alive = async (cookie: string) => (await as({ cookie }, "/api/admin/auth/me")).status;
    const idle = await sessionOf(me);
    await sql(
      "UPDATE organizer_sessions SET last_seen_at = ? WHERE id_hash = (SELECT id_hash FROM organizer_sessions WHERE person_id = ? ORDER BY created_at DESC LIMIT 1)",
      Date.now() - 8 * HOUR - 1000,
      me,
    );
    expect(await alive(idle)).toBe(401);
    const old = await sessionOf(me);
    await sql(
      "UPDATE organizer_sessions SET expires_at = ? WHERE id_hash = (SELECT id_hash FROM organizer_sessions WHERE person_id = ? ORDER BY created_at DESC LIMIT 1)",
      Date.now() - 1,
      me,
    );
    expect(await alive(old)).toBe(401);

    const [one, two, three] = [await sessionOf(me), await sessionOf(me), await sessionOf(me)];
    const list = await ok<{ items: { id: string; current: boolean }[] }>(
      await as({ cookie: one }, "/api/admin/auth/sessions"),
    );
    expect(list.items).toHaveLength(3);
    expect(list.items.filter((s) => s.current)).toHaveLength(1);
    const other = list.items.find((s) => !s.current)!;
    expect((await as({ cookie: one }, `/api/admin/auth/sessions/${other.id}`, { method: "DELETE" })).status).toBe(204);
    expect([await alive(two), await alive(three)].sort()).toEqual([200, 401]);
    expect((await as({ cookie: one }, "/api/admin/auth/signout", { method: "POST" })).status).toBe(204);
    expect(await alive(one)).toBe(401);
    const [four, five] = [await sessionOf(me), await sessionOf(me)];
    expect((await as({ cookie: four }, "/api/admin/auth/signout-everywhere", { method: "POST" })).status).toBe(204);
    expect([await alive(four), await alive(five)]).toEqual([401, 401]);
  });

  it("refuses cookie requests that change something without our Origin (CSRF)", async () => {
    const boot = await bootstrap({ email: "csrf@c.test", name: "Csrf", workspace: "Csrf" });
    const cookie = await signInWithLink(boot.signInLink);
    const post = (headers: Record<string, string>) =>
      call("/api/admin/workspaces", {
        method: "POST",
        headers: { Cookie: cookie, "Content-Type": "application/json", ...headers },
        body: JSON.stringify({ name: `Csrf ${Math.random()}` }),
      });
    expect((await post({})).status).toBe(403);
    expect((await post({ Origin: "https://evil.example" })).status).toBe(403);
    expect((await post({ Origin: ORIGIN })).status).toBe(201);
    expect((await call("/api/admin/auth/me", { headers: { Cookie: cookie } })).status).toBe(200);
  });
});

describe("API tokens", () => {
  it("are shown once, stored hashed, record their last use, and stop working when revoked or expired", async () => {
    const { A, cred } = await owner();
    const made = await makeToken(cred, A, "CRM sync", ["events:read"]);
    expect(made.secret).toMatch(/^fyr_tok_[0-9a-z]{20}_[A-Za-z0-9_-]{43}$/);
    expect(made.token.lastUsedAt).toBeNull();
    const stored = await env.DB.prepare("SELECT * FROM api_tokens WHERE id = ?").bind(made.token.id).first();
    expect(JSON.stringify(stored)).not.toContain(made.secret.slice(-43));
    const bearer = { bearer: made.secret };
    const me = await ok<Me>(await as(bearer, "/api/admin/auth/me"));
    expect(me).toMatchObject({ kind: "token", id: made.token.id });
    const listed = await ok<{ items: { id: string; lastUsedAt: string | null; secret?: string }[] }>(
      await as(cred, `/api/admin/workspaces/${A}/tokens`),
    );
    const row = listed.items.find((t) => t.id === made.token.id)!;
    expect(row.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed)).not.toContain(made.secret);
    // A wrong secret for a real id, and a token from no workspace action, are refused.
    const forged = `${made.secret.slice(0, -3)}${made.secret.endsWith("AAA") ? "BBB" : "AAA"}`;
    expect((await as({ bearer: forged }, "/api/admin/auth/me")).status).toBe(401);
    expect((await as(bearer, "/api/admin/workspaces", { method: "POST", json: { name: "By token" } })).status).toBe(
      403,
    );

    await sql("UPDATE api_tokens SET expires_at = ? WHERE id = ?", Date.now() - 1, made.token.id);
    expect((await as(bearer, "/api/admin/auth/me")).status).toBe(401);
    const other = await makeToken(cred, A, "Revoke me", ["events:read"]);
    expect((await as(cred, `/api/admin/workspaces/${A}/tokens/${other.token.id}`, { method: "DELETE" })).status).toBe(
      204,
    );
    expect((await as({ bearer: other.secret }, "/api/admin/auth/me")).status).toBe(401);
  });

  it("cannot be given workspace:manage or an expiry in the past", async () => {
    const { A, cred } = await owner();
    const tokens = `/api/admin/workspaces/${A}/tokens`;
    expect((await as(cred, tokens, { method: "POST", json: { name: "x", scopes: ["workspace:manage"] } })).status).toBe(
      422,
    );
    expect(
      (
        await as(cred, tokens, {
          method: "POST",
          json: { name: "x", scopes: ["events:read"], expiresAt: new Date(Date.now() - HOUR).toISOString() },
        })
      ).status,
    ).toBe(422);
  });
});

describe("members", () => {
  it("keep the last owner: they cannot leave, be removed or be demoted", async () => {
    const boot = await bootstrap({ email: "solo@owner.test", name: "Solo", workspace: "Solo" });
    const solo = { cookie: await signInWithLink(boot.signInLink) };
    const base = `/api/admin/workspaces/${boot.workspaceId}/members`;
    const demote = await as(solo, `${base}/${boot.personId}`, { method: "PATCH", json: { role: "organizer" } });
    expect(demote.status).toBe(409);
    expect(((await demote.json()) as ErrorBody).error.fields).toHaveProperty("role");
    const leave = await as(solo, `${base}/${boot.personId}`, { method: "DELETE" });
    expect(leave.status).toBe(409);
    expect(((await leave.json()) as ErrorBody).error.fields).toHaveProperty("personId");
    // With a second owner, the first may step down.
    const second = await invite(solo, boot.workspaceId, { email: "duo@owner.test", name: "Duo", role: "owner" });
    expect((await as(solo, `${base}/${boot.personId}`, { method: "PATCH", json: { role: "viewer" } })).status).toBe(
      200,
    );
    const duo = { cookie: await sessionOf(second) };
    expect((await as(duo, `${base}/${second}`, { method: "DELETE" })).status).toBe(409);
  });

  it("refuse a name with a line break, which would reach the invitation's headers, and send nothing", async () => {
    const { A, cred } = await owner();
    const res = await as(cred, `/api/admin/workspaces/${A}/members`, {
      method: "POST",
      json: { email: "crlf@a.test", name: "Eve\r\nBcc: all@a.test", role: "viewer" },
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as ErrorBody).error.fields).toEqual({
      name: "must not contain line breaks or control characters",
    });
    const outbox = await ok<{ items: unknown[] }>(await as(cred, "/api/admin/outbox?to=crlf@a.test"));
    expect(outbox.items).toHaveLength(0);
  });

  it("invite by e-mail (in Dutch if asked), and the invitee signs in from the e-mail", async () => {
    const { A, cred } = await owner();
    await invite(cred, A, { email: "nieuw@a.test", name: "Nieuw", role: "viewer", language: "nl" } as never);
    const outbox = await ok<{ items: { to: string; subject: string; text: string }[] }>(
      await as(cred, "/api/admin/outbox?to=nieuw@a.test"),
    );
    expect(outbox.items).toHaveLength(1);
    expect(outbox.items[0]!.subject).toBe("Test Owner heeft je uitgenodigd voor Test op Foyer");
    expect(outbox.items[0]!.text).toContain("als kijker");
    const link = /http:\/\/foyer\.test\/admin\/signin#\S+/.exec(outbox.items[0]!.text)![0];
    const cookie = await signInWithLink(link);
    const me = await ok<Me>(await as({ cookie }, "/api/admin/auth/me"));
    expect(me.workspaces).toEqual([expect.objectContaining({ id: A, role: "viewer" })]);
    const members = await ok<{ items: { email: string; lastSignInAt: string | null }[] }>(
      await as(cred, `/api/admin/workspaces/${A}/members`),
    );
    expect(members.items.find((m) => m.email === "nieuw@a.test")!.lastSignInAt).not.toBeNull();
  });

  it("limited to one event see only that event and cannot create events", async () => {
    const { A, cred } = await owner();
    const e1 = await newEvent(cred, A, "Seen");
    const e2 = await newEvent(cred, A, "Unseen");
    const limited = await invite(cred, A, { email: "one@a.test", name: "One", role: "organizer", eventIds: [e1] });
    const them = { cookie: await sessionOf(limited) };
    const events = await ok<{ items: { id: string }[] }>(await as(them, "/api/admin/events"));
    expect(events.items.map((e) => e.id)).toEqual([e1]);
    expect((await as(them, `/api/admin/events/${e2}`)).status).toBe(404);
    expect((await as(them, `/api/admin/events/${e1}`, { method: "PATCH", json: { title: "Renamed" } })).status).toBe(
      200,
    );
    expect((await as(them, "/api/admin/events", { method: "POST", json: {} })).status).toBe(403);
    const foreign = await bootstrap({ email: "x@elsewhere.test", name: "X", workspace: "Elsewhere" });
    const otherEvent = await newEvent(
      { cookie: await signInWithLink(foreign.signInLink) },
      foreign.workspaceId,
      "Else",
    );
    const bad = await as(cred, `/api/admin/workspaces/${A}/members/${limited}`, {
      method: "PATCH",
      json: { eventIds: [otherEvent] },
    });
    expect(bad.status).toBe(422);
  });
});

describe("workspace isolation and the audit log", () => {
  it("keeps lists, outbox and audit to the caller's workspace, and names who did what from where", async () => {
    const { A, cred } = await owner();
    const mine = await newEvent(cred, A, "Mine");
    const boot = await bootstrap({ email: "iso@b.test", name: "Iso B", workspace: "Iso" });
    const b = { cookie: await signInWithLink(boot.signInLink) };
    const theirs = await newEvent(b, boot.workspaceId, "Theirs");
    const ids = async (who: Credential) =>
      (await ok<{ items: { id: string }[] }>(await as(who, "/api/admin/events"))).items.map((e) => e.id);
    expect(await ids(b)).toEqual([theirs]);
    expect(await ids(cred)).not.toContain(theirs);
    expect((await as(b, `/api/admin/events/${mine}/registrations`)).status).toBe(404);
    await as(cred, `/api/admin/events/${mine}/registrations`, {
      method: "POST",
      json: { name: "Iso Reg", email: "iso.reg@example.com" },
    });
    const bOutbox = await ok<{ items: unknown[] }>(await as(b, "/api/admin/outbox?to=iso.reg@example.com"));
    expect(bOutbox.items).toEqual([]);
    const bAudit = await ok<{ items: { workspaceId: string }[] }>(await as(b, "/api/admin/audit"));
    expect(bAudit.items.every((e) => e.workspaceId === boot.workspaceId)).toBe(true);
    expect((await as(b, `/api/admin/audit?workspaceId=${A}`).then((r) => r.json())) as { items: unknown[] }).toEqual({
      items: [],
      nextCursor: null,
    });

    const token = await makeToken(cred, A, "Audit bot", ["events:write", "events:read"]);
    await as({ bearer: token.secret }, `/api/admin/events/${mine}`, {
      method: "PATCH",
      json: { title: "By the bot" },
      headers: { "CF-Connecting-IP": "198.51.100.77" },
    });
    const log = await ok<{
      items: { actor: string; personId: string | null; tokenId: string | null; ip: string | null; action: string }[];
    }>(await as(cred, `/api/admin/audit?eventId=${mine}`));
    expect(log.items.map((e) => [e.action, e.actor])).toEqual([
      ["event.update", "token Audit bot"],
      ["registration.create", "Test Owner <owner@foyer.test>"],
      ["event.create", "Test Owner <owner@foyer.test>"],
    ]);
    expect(log.items[0]).toMatchObject({ tokenId: token.token.id, personId: null, ip: "198.51.100.77" });
    const me = await ok<Me>(await as(cred, "/api/admin/auth/me"));
    expect(log.items[1]!.personId).toBe(me.id);
    const byPerson = await ok<{ items: { personId: string }[] }>(
      await as(cred, `/api/admin/audit?workspaceId=${A}&personId=${me.id}`),
    );
    expect(byPerson.items.length).toBeGreaterThan(0);
    expect(byPerson.items.every((e) => e.personId === me.id)).toBe(true);
  });

  it("keeps the demo in its workspace", async () => {
    await seedDemo();
    const boot = await bootstrap({ email: "demo@b.test", name: "Demo B", workspace: "Demo B" });
    const b = { cookie: await signInWithLink(boot.signInLink) };
    expect((await as(b, "/api/admin/demo", { method: "POST" })).status).toBe(404);
    expect((await as(b, "/api/admin/demo/crowd", { method: "POST", json: { count: 1 } })).status).toBe(404);
  });
});
