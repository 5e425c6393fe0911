import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { bootstrap, call, freshIp, ORIGIN, ownerSession, signInWithLink } from "../helpers";
import { SoftAuthenticator } from "./soft-authenticator";
import { as, type Credential, ok } from "./world";

/**
 * Passkeys: adding one needs a session; signing in with one gives the same session cookie as a
 * link. Every refusal (a challenge used twice, expired or another person's; an unknown or foreign
 * passkey) is one answer, and never a cookie.
 */

type ErrorBody = { error: { code: string } };
type Options = { challenge: string; rp: { id: string }; user: { id: string }; rpId?: string };
type PasskeyView = { id: string; name: string; createdAt: string; lastUsedAt: string | null };

/** A sign-in request from its own address (signing in is rate limited per client IP). */
const json = (body: unknown, ip = freshIp()) => ({
  method: "POST",
  headers: { "Content-Type": "application/json", Origin: ORIGIN, "CF-Connecting-IP": ip },
  body: JSON.stringify(body),
});

let people = 0;
/** A fresh person with a session of their own. */
async function newPerson(): Promise<{ cred: Credential & { cookie: string }; personId: string }> {
  const n = ++people;
  const boot = await bootstrap({ email: `pk${n}@passkeys.test`, name: `Passkey ${n}`, workspace: `Passkeys ${n}` });
  return { cred: { cookie: await signInWithLink(boot.signInLink) }, personId: boot.personId };
}

const registerOptions = async (cred: Credential) =>
  ok<Options>(await as(cred, "/api/admin/auth/passkeys/options", { method: "POST" }));

async function addPasskey(cred: Credential, name = "Laptop") {
  const auth = new SoftAuthenticator(ORIGIN);
  const response = await auth.create(await registerOptions(cred));
  const view = await ok<PasskeyView>(
    await as(cred, "/api/admin/auth/passkeys", { method: "POST", json: { name, response } }),
    201,
  );
  return { auth, view };
}

const signinOptions = async () => ok<Options>(await call("/api/admin/auth/passkey/options", json({})));
const signinWith = (response: unknown) => call("/api/admin/auth/passkey", json({ response }));

async function expectRefused(res: Response, status: 400 | 401) {
  expect(res.status).toBe(status);
  expect(((await res.json()) as ErrorBody).error.code).toBe("passkey_invalid");
  expect(res.headers.get("Set-Cookie")).toBeNull();
}

describe("passkeys", () => {
  it("are added by a signed-in person and sign them in again, with the link's session cookie", async () => {
    const { cred, personId } = await newPerson();
    const options = await registerOptions(cred);
    expect(options.rp.id).toBe("foyer.test");
    expect(options).toMatchObject({
      authenticatorSelection: { residentKey: "required", userVerification: "preferred" },
    });
    const { auth, view } = await addPasskey(cred, "Work laptop");
    expect(view).toMatchObject({ id: auth.id, name: "Work laptop", lastUsedAt: null });

    const signin = await signinOptions();
    expect(signin.rpId).toBe("foyer.test");
    expect(signin).not.toHaveProperty("allowCredentials.0");
    const res = await signinWith(await auth.get(signin));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { id: string }).id).toBe(personId);
    const setCookie = res.headers.get("Set-Cookie") ?? "";
    expect(setCookie).toMatch(/^foyer_admin=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/Secure/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const cookie = /^(foyer_admin=[^;]+)/.exec(setCookie)![1]!;
    const me = await ok<{ id: string }>(await as({ cookie }, "/api/admin/auth/me"));
    expect(me.id).toBe(personId);

    const list = await ok<{ items: PasskeyView[] }>(await as(cred, "/api/admin/auth/passkeys"));
    expect(list.items).toHaveLength(1);
    expect(list.items[0]!.lastUsedAt).not.toBeNull();
    const person = await env.DB.prepare("SELECT last_sign_in_at FROM organizers WHERE id = ?")
      .bind(personId)
      .first<{ last_sign_in_at: number }>();
    expect(person!.last_sign_in_at).toBeGreaterThan(Date.now() - 60_000);
  });

  it("cannot be added, listed or changed without a session, nor by an API token", async () => {
    for (const [method, path] of [
      ["POST", "/api/admin/auth/passkeys/options"],
      ["POST", "/api/admin/auth/passkeys"],
      ["GET", "/api/admin/auth/passkeys"],
      ["PATCH", "/api/admin/auth/passkeys/x"],
      ["DELETE", "/api/admin/auth/passkeys/x"],
    ] as const) {
      const res = await as(null, path, { method, ...(method === "GET" ? {} : { json: {} }) });
      expect(res.status, `${method} ${path}`).toBe(401);
    }
    const { cookie, workspaceId } = await ownerSession();
    const { secret } = await ok<{ secret: string }>(
      await as({ cookie }, `/api/admin/workspaces/${workspaceId}/tokens`, {
        method: "POST",
        json: { name: "no passkeys", scopes: ["events:read"] },
      }),
      201,
    );
    expect((await as({ bearer: secret }, "/api/admin/auth/passkeys/options", { method: "POST" })).status).toBe(403);
  });

  it("refuse a registration challenge used twice, expired, or made for another person", async () => {
    const { cred } = await newPerson();
    const other = await newPerson();
    const auth = new SoftAuthenticator(ORIGIN);

    // Used twice: the same answer again (the passkey itself is new to the server both times).
    const options = await registerOptions(cred);
    const response = await auth.create(options);
    await ok(await as(cred, "/api/admin/auth/passkeys", { method: "POST", json: { name: "One", response } }), 201);
    await env.DB.prepare("DELETE FROM passkeys WHERE id = ?").bind(auth.id).run();
    await expectRefused(
      await as(cred, "/api/admin/auth/passkeys", { method: "POST", json: { name: "Again", response } }),
      400,
    );

    // Expired.
    const late = await registerOptions(cred);
    await env.DB.prepare("UPDATE webauthn_challenges SET expires_at = ? WHERE challenge = ?")
      .bind(Date.now() - 1, late.challenge)
      .run();
    await expectRefused(
      await as(cred, "/api/admin/auth/passkeys", {
        method: "POST",
        json: { name: "Late", response: await new SoftAuthenticator(ORIGIN).create(late) },
      }),
      400,
    );

    // Another person's challenge, answered by this one.
    const theirs = await registerOptions(other.cred);
    await expectRefused(
      await as(cred, "/api/admin/auth/passkeys", {
        method: "POST",
        json: { name: "Theirs", response: await new SoftAuthenticator(ORIGIN).create(theirs) },
      }),
      400,
    );
    // A sign-in challenge is not a registration challenge.
    const signin = await signinOptions();
    await expectRefused(
      await as(cred, "/api/admin/auth/passkeys", {
        method: "POST",
        json: {
          name: "Wrong kind",
          response: await new SoftAuthenticator(ORIGIN).create({
            ...signin,
            user: { id: "x" },
            rp: { id: "foyer.test" },
          }),
        },
      }),
      400,
    );
    // Another site's origin.
    const foreign = await registerOptions(cred);
    await expectRefused(
      await as(cred, "/api/admin/auth/passkeys", {
        method: "POST",
        json: {
          name: "Foreign",
          response: await new SoftAuthenticator("https://evil.test", "foyer.test").create(foreign),
        },
      }),
      400,
    );
    const list = await ok<{ items: PasskeyView[] }>(await as(cred, "/api/admin/auth/passkeys"));
    expect(list.items).toEqual([]);
  });

  it("refuse signing in with an unknown passkey, a used or expired challenge, or a wrong signature", async () => {
    const { cred } = await newPerson();
    const { auth } = await addPasskey(cred);

    // Unknown credential: 401, no cookie.
    const stranger = new SoftAuthenticator(ORIGIN);
    await stranger.create(await registerOptions(cred)); // a key pair the server never stored
    await expectRefused(await signinWith(await stranger.get(await signinOptions())), 401);

    // Used twice.
    const once = await auth.get(await signinOptions());
    expect((await signinWith(once)).status).toBe(200);
    await expectRefused(await signinWith(once), 401);

    // Expired.
    const late = await signinOptions();
    await env.DB.prepare("UPDATE webauthn_challenges SET expires_at = ? WHERE challenge = ?")
      .bind(Date.now() - 1, late.challenge)
      .run();
    await expectRefused(await signinWith(await auth.get(late)), 401);

    // A challenge the server never made.
    await expectRefused(await signinWith(await auth.get({ challenge: "bm90LWEtY2hhbGxlbmdl" })), 401);

    // Signed by another key under this passkey's id.
    const forged = await stranger.get(await signinOptions());
    await expectRefused(await signinWith({ ...forged, id: auth.id, rawId: auth.id }), 401);

    // Malformed answers are a validation error, still without a cookie.
    const bad = await signinWith({ id: "x" });
    expect(bad.status).toBe(422);
    expect(bad.headers.get("Set-Cookie")).toBeNull();
  });

  it("are renamed and removed by their owner only: another person's passkey id is not found", async () => {
    const a = await newPerson();
    const b = await newPerson();
    const { auth, view } = await addPasskey(a.cred, "Phone");
    const path = `/api/admin/auth/passkeys/${view.id}`;

    for (const res of [
      await as(b.cred, path, { method: "PATCH", json: { name: "Mine now" } }),
      await as(b.cred, path, { method: "DELETE" }),
    ]) {
      expect(res.status).toBe(404);
      expect(((await res.json()) as ErrorBody).error.code).toBe("not_found");
    }
    expect((await ok<{ items: PasskeyView[] }>(await as(b.cred, "/api/admin/auth/passkeys"))).items).toEqual([]);

    const renamed = await ok<PasskeyView>(await as(a.cred, path, { method: "PATCH", json: { name: "Old phone" } }));
    expect(renamed.name).toBe("Old phone");
    expect((await as(a.cred, path, { method: "PATCH", json: { name: "  " } })).status).toBe(422);

    expect((await as(a.cred, path, { method: "DELETE" })).status).toBe(204);
    expect((await as(a.cred, path, { method: "DELETE" })).status).toBe(404);
    // Removed: it signs nobody in any more.
    await expectRefused(await signinWith(await auth.get(await signinOptions())), 401);

    const audit = await env.DB.prepare("SELECT action, actor, workspace_id FROM audit_log WHERE target = ? ORDER BY id")
      .bind(`passkey:${view.id}`)
      .all<{ action: string; actor: string; workspace_id: string | null }>();
    expect(audit.results.map((r) => r.action)).toEqual(["passkey.add", "passkey.remove"]);
    expect(audit.results[0]!.actor).toMatch(/pk\d+@passkeys\.test/);
    expect(audit.results[0]!.workspace_id).not.toBeNull();
  });

  it("are counted per client IP when signing in, like sign-in links", async () => {
    const ip = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await call("/api/admin/auth/passkey/options", json({}, ip))).status);
    expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const verify = await call("/api/admin/auth/passkey", json({ response: {} }, ip));
    expect(verify.status).toBe(429);
    expect(verify.headers.get("Set-Cookie")).toBeNull();
  });

  it("refuse a sign-in answer from another site's page", async () => {
    const res = await call("/api/admin/auth/passkey/options", {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: "https://evil.test" },
      body: "{}",
    });
    expect(res.status).toBe(403);
  });
});
