import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { AdminRegistration, RegistrationResult } from "../../core/contract/index";
import { parseSigningKeys } from "../../server/config";
import { signToken, type TokenClaims } from "../../server/tokens";
import { createApp } from "../../worker/app";
import { adminJson, call, createEvent, freshIp, linkIn, ORIGIN, outboxFor, register, signIn } from "./helpers";
import { runScheduler } from "./scheduler";

type ErrorBody = { error: { code: string; message: string } };
const HOUR = 3_600_000;
const answers = { ticket: "standard", terms: true };
const keys = () => parseSigningKeys(env.LINK_SIGNING_KEYS!)!;

async function person(startsInMs = HOUR) {
  const event = await createEvent({ startsInMs });
  const email = `p${Math.random().toString(36).slice(2)}@example.com`;
  const { registration } = (await (
    await register(event.slug, { name: "Link Tester", email, answers })
  ).json()) as RegistrationResult;
  return { event, registration, email };
}

const claims = (registrationId: string, eventId: string, over: Partial<TokenClaims> = {}): TokenClaims => ({
  registrationId,
  eventId,
  role: "participant",
  linkVersion: 1,
  expiresAt: Math.floor(Date.now() / 1000) + 3600,
  ...over,
});

const refresh = (token: string, ip = freshIp()) =>
  call("/api/links/refresh", {
    method: "POST",
    headers: { "Content-Type": "application/json", "CF-Connecting-IP": ip },
    body: JSON.stringify({ token }),
  });

describe("personal links", () => {
  it("works on a second device: each opening gets its own session", async () => {
    const { registration: r2, email } = await person();
    await runScheduler();
    await expect.poll(async () => (await outboxFor(email)).length).toBe(1);
    const mailed = linkIn((await outboxFor(email))[0]!.text)!;
    const laptop = await signIn(mailed);
    const phone = await signIn(mailed);
    for (const cookie of [laptop, phone]) {
      const me = (await (await call("/api/me", { headers: { Cookie: cookie } })).json()) as {
        registration: { id: string };
      };
      expect(me.registration.id).toBe(r2.id);
    }
  });

  it("refuses tampered tokens and a session cookie used as a link", async () => {
    const { event, registration } = await person();
    const good = await signToken(keys()[0], "link", claims(registration.id, event.id));
    const [kid, body, mac] = good.split(".") as [string, string, string];
    const upgraded = btoa(JSON.stringify({ r: registration.id, e: event.id, o: "moderator", v: 1, x: 9_999_999_999 }))
      .replace(/=+$/, "")
      .replace(/\+/g, "-")
      .replace(/\//g, "_");
    for (const bad of [
      `${kid}.${upgraded}.${mac}`,
      `${kid}.${body}.${mac.slice(0, -2)}AA`,
      `zz.${body}.${mac}`,
      "garbage",
    ]) {
      const res = await call(`/j/${bad}`, { redirect: "manual" });
      expect(res.status).toBe(403);
      expect(res.headers.get("Set-Cookie")).toBeNull();
    }
    const session = await signToken(keys()[0], "session", claims(registration.id, event.id));
    expect((await call(`/j/${session}`, { redirect: "manual" })).status).toBe(403);
    expect((await call(`/j/${good}`, { redirect: "manual" })).status).toBe(303);
  });

  it("keeps working across a signing-key rotation while the old key is still listed", async () => {
    const { event, registration } = await person();
    // LINK_SIGNING_KEYS is "t2:…,t1:…": t2 signs now, t1 signed before the rotation.
    const [t2, t1] = keys();
    const old = await signToken(t1!, "link", claims(registration.id, event.id));
    expect((await call(`/j/${old}`, { redirect: "manual" })).status).toBe(303);
    expect((await signToken(t2, "link", claims(registration.id, event.id))).startsWith("t2.")).toBe(true);
    // Once t1 is removed from the settings, its links stop working.
    const app = createApp();
    const rotatedOut = await app.fetch(new Request(`${ORIGIN}/j/${old}`, { redirect: "manual" }), {
      ...env,
      LINK_SIGNING_KEYS: `t2:${t2.secret}`,
    });
    expect(rotatedOut.status).toBe(403);
  });

  it("shows an expired link's page and e-mails a fresh link to the registration's own address", async () => {
    const { event, registration, email } = await person();
    const expired = await signToken(
      keys()[0],
      "link",
      claims(registration.id, event.id, { expiresAt: Math.floor(Date.now() / 1000) - 60 }),
    );
    const page = await call(`/j/${expired}`, { redirect: "manual" });
    expect(page.status).toBe(410);
    expect(page.headers.get("Set-Cookie")).toBeNull();
    const html = await page.text();
    expect(html).toContain('name="foyer:link-status" content="expired"');
    expect(html).toContain(`name="foyer:event" content="${event.slug}"`);

    await runScheduler();
    await expect.poll(async () => (await outboxFor(email)).length).toBe(1);
    const res = await refresh(expired);
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ emailedTo: email.replace(/^(.)[^@]*/, "$1•••") });
    await runScheduler();
    await expect.poll(async () => (await outboxFor(email)).length).toBe(2);
    const [fresh] = await outboxFor(email);
    expect(fresh!.subject).toBe(
      `A fresh link for ${(await adminJson<{ title: string }>(`/api/admin/events/${event.id}`)).body.title}`,
    );
    await signIn(linkIn(fresh!.text)!);

    // Asking again at once is answered the same, but does not mail again.
    expect((await refresh(expired)).status).toBe(202);
    await runScheduler();
    expect(await outboxFor(email)).toHaveLength(2);
  });

  it("refuses fresh-link requests for working, forged and revoked links", async () => {
    const { event, registration } = await person();
    const working = await signToken(keys()[0], "link", claims(registration.id, event.id));
    expect((await refresh(working)).status).toBe(409);
    const forged = await signToken(
      { id: "t2", secret: "not-the-real-secret-0123456789abcdef" },
      "link",
      claims(registration.id, event.id, { expiresAt: 1 }),
    );
    expect((await refresh(forged)).status).toBe(403);
    const expired = await signToken(keys()[0], "link", claims(registration.id, event.id, { expiresAt: 1 }));
    await adminJson(`/api/admin/events/${event.id}/registrations/${registration.id}/link/revoke`, { method: "POST" });
    const revoked = await refresh(expired);
    expect(revoked.status).toBe(410);
    expect(((await revoked.json()) as ErrorBody).error.code).toBe("gone");
    const bad = await call("/api/links/refresh", {
      method: "POST",
      headers: { "Content-Type": "application/json", "CF-Connecting-IP": freshIp() },
      body: "{}",
    });
    expect(bad.status).toBe(422);
  });

  it("rate-limits fresh-link requests per address", async () => {
    const ip = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await refresh("garbage", ip)).status);
    expect(statuses).toEqual([403, 403, 403, 403, 403, 429]);
  });

  it("refuses a revoked link, and its sessions, with a clear page; rotation brings a working one", async () => {
    const { event, registration, email } = await person();
    await runScheduler();
    await expect.poll(async () => (await outboxFor(email)).length).toBe(1);
    const link = linkIn((await outboxFor(email))[0]!.text)!;
    const cookie = await signIn(link);
    await adminJson(`/api/admin/events/${event.id}/registrations/${registration.id}/link/revoke`, { method: "POST" });
    const page = await call(new URL(link).pathname, { redirect: "manual" });
    expect(page.status).toBe(410);
    expect(await page.text()).toContain('content="revoked"');
    expect((await call("/api/me", { headers: { Cookie: cookie } })).status).toBe(401);

    const rotated = await adminJson<{ link: string; registration: AdminRegistration }>(
      `/api/admin/events/${event.id}/registrations/${registration.id}/link/rotate`,
      {
        method: "POST",
        json: { sendInvitation: false },
      },
    );
    expect(rotated.body.registration).toMatchObject({ linkStatus: "active", linkVersion: 2 });
    expect((await call(new URL(link).pathname, { redirect: "manual" })).status).toBe(410);
    await signIn(rotated.body.link);
  });

  it("takes a role change from the registration at once, without a new link", async () => {
    const { event, registration, email } = await person();
    await runScheduler();
    await expect.poll(async () => (await outboxFor(email)).length).toBe(1);
    const cookie = await signIn(linkIn((await outboxFor(email))[0]!.text)!);
    await adminJson(`/api/admin/events/${event.id}/registrations/${registration.id}`, {
      method: "PATCH",
      json: { role: "moderator" },
    });
    const me = (await (await call("/api/me", { headers: { Cookie: cookie } })).json()) as {
      registration: { role: string };
    };
    expect(me.registration.role).toBe("moderator");
  });
});

describe("personal calendar", () => {
  it("serves the person's programme as .ics by the e-mailed link and by the session cookie", async () => {
    const event = await createEvent({ startsInMs: HOUR });
    const start = new Date(event.startsAt).toISOString();
    const end = new Date(event.startsAt + HOUR).toISOString();
    const open = await adminJson<{ id: string }>(`/api/admin/events/${event.id}/sessions`, {
      method: "POST",
      json: { kind: "stage", title: "Open, to all; welcome", startsAt: start, endsAt: end },
    });
    await adminJson(`/api/admin/events/${event.id}/sessions`, {
      method: "POST",
      json: {
        kind: "breakout",
        title: "VIP only",
        startsAt: start,
        endsAt: end,
        audience: { kind: "attributes", conditions: [{ attribute: "ticket", op: "eq", values: ["vip"] }] },
      },
    });
    const email = "cal@example.com";
    await register(event.slug, { name: "Cal", email, answers });
    await runScheduler();
    await expect.poll(async () => (await outboxFor(email)).length).toBe(1);
    const text = (await outboxFor(email))[0]!.text;
    const calendarUrl = /https?:\/\/\S+\/api\/calendar\/[\w.-]+/.exec(text)![0];

    const res = await call(new URL(calendarUrl).pathname);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    const ics = await res.text();
    expect(ics).toContain(`UID:${open.body.id}@foyer.test`);
    expect(ics).toContain("SUMMARY:Open\\, to all\\; welcome");
    expect(ics).toContain(`DTSTART:${start.replace(/[-:]/g, "").replace(/\.\d{3}/, "")}`);
    expect(ics).not.toContain("VIP only");

    const cookie = await signIn(linkIn(text)!);
    const mine = await call("/api/me/calendar.ics", { headers: { Cookie: cookie } });
    expect(await mine.text()).toBe(ics);
    expect((await call("/api/me/calendar.ics")).status).toBe(401);

    // The calendar token opens the calendar only; it signs nobody in.
    const token = new URL(calendarUrl).pathname.split("/").pop()!;
    expect((await call(`/j/${token}`, { redirect: "manual" })).status).toBe(403);
    expect((await call(`/api/calendar/${token.slice(0, -3)}abc`)).status).toBe(403);
  });
});
