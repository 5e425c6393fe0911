import { describe, expect, it } from "vitest";
import type { AdminBranding } from "../../core/contract/branding";
import type { MeResponse, PublicEvent } from "../../core/contract/index";
import { addSession, admin, adminJson, call, createEvent, linkIn, outboxFor, register, signIn } from "./helpers";
import { runScheduler } from "./scheduler";
import { liveDemo } from "./live/client";
import { seedDemo } from "./helpers";

const HOUR = 3_600_000;
/** The smallest real PNG (1×1), and the same bytes with a JPEG or WebP start. */
const PNG = Uint8Array.from(
  atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="),
  (ch) => ch.charCodeAt(0),
);
const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

const branding = (eventId: string) => `/api/admin/events/${eventId}/branding`;
const putLogo = (eventId: string, body: Uint8Array, type: string) =>
  admin(`${branding(eventId)}/logo`, { method: "PUT", body: body as BodyInit, headers: { "Content-Type": type } });

type ErrorWithSuggestions = {
  error: { code: string; fields: Record<string, string>; suggestions?: Record<string, string> };
};

describe("event branding", () => {
  it("refuses an accent that fails AA, naming the field and the nearest passing colour, then takes that colour", async () => {
    const event = await createEvent();
    const refused = await adminJson<ErrorWithSuggestions>(branding(event.id), {
      method: "PUT",
      json: { accent: "#ffd500", background: "#fafafa" },
    });
    expect(refused.status).toBe(422);
    expect(Object.keys(refused.body.error.fields)).toEqual(["accent"]);
    expect(refused.body.error.fields.accent).toMatch(/1\.\d:1/);
    const suggestion = refused.body.error.suggestions?.accent;
    expect(suggestion).toMatch(/^#[0-9a-f]{6}$/);
    expect(refused.body.error.fields.accent).toContain(suggestion);

    const saved = await adminJson<AdminBranding>(branding(event.id), {
      method: "PUT",
      json: { accent: suggestion, background: "#FAFAFA" },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.colours).toEqual({ accent: suggestion, background: "#fafafa" });
    expect((await adminJson<AdminBranding>(branding(event.id))).body.colours?.accent).toBe(suggestion);
  });

  it("refuses a background no text reads well on, and half a pair", async () => {
    const event = await createEvent();
    const grey = await adminJson<ErrorWithSuggestions>(branding(event.id), {
      method: "PUT",
      json: { accent: "#000000", background: "#3f7f9f" },
    });
    expect(grey.status).toBe(422);
    expect(grey.body.error.fields.background).toBeTruthy();
    expect(grey.body.error.suggestions?.background).toMatch(/^#[0-9a-f]{6}$/);
    const half = await adminJson<ErrorWithSuggestions>(branding(event.id), {
      method: "PUT",
      json: { accent: "#1f3a5f", background: null },
    });
    expect(half.status).toBe(422);
    expect(half.body.error.fields.accent).toBeTruthy();
    const notHex = await adminJson<ErrorWithSuggestions>(branding(event.id), {
      method: "PUT",
      json: { accent: "red;}", background: "#ffffff" },
    });
    expect(notHex.status).toBe(422);
    expect(notHex.body.error.fields.accent).toMatch(/colour/);
  });

  it("checks a logo by its bytes and size, and serves it with its type, nosniff and an ETag", async () => {
    const event = await createEvent();
    const svg = await putLogo(event.id, SVG, "image/png");
    expect(svg.status).toBe(415);
    expect(((await svg.json()) as ErrorWithSuggestions).error.fields.logo).toBeTruthy();
    const mislabelled = await putLogo(event.id, PNG, "image/jpeg");
    expect(mislabelled.status).toBe(415);
    const big = new Uint8Array(200 * 1024 + 1);
    big.set(PNG);
    const tooBig = await putLogo(event.id, big, "image/png");
    expect(tooBig.status).toBe(413);
    expect(((await tooBig.json()) as ErrorWithSuggestions).error.fields.logo).toMatch(/200 KB/);

    const ok = await putLogo(event.id, PNG, "image/png");
    expect(ok.status).toBe(200);
    const saved = (await ok.json()) as AdminBranding;
    expect(saved.logo).toMatchObject({ type: "image/png", bytes: PNG.byteLength });

    const res = await call(saved.logo!.url);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("image/png");
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(res.headers.get("Cache-Control")).toMatch(/public/);
    const etag = res.headers.get("ETag")!;
    expect(etag).toMatch(/^"[0-9a-f]+"$/);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(PNG);
    // By slug too, and a second look costs no bytes.
    const again = await call(`/api/events/${event.slug}/logo`, { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);

    const removed = await adminJson<AdminBranding>(`${branding(event.id)}/logo`, { method: "DELETE" });
    expect(removed.body.logo).toBeNull();
    expect((await call(`/api/events/${event.slug}/logo`)).status).toBe(404);
  });

  it("reaches the registration page, the portal and the invitation e-mail's HTML, leaving the text part alone", async () => {
    const event = await createEvent({ startsInMs: HOUR });
    expect(
      (await adminJson(branding(event.id), { method: "PUT", json: { accent: "#7a1f5c", background: "#fff4e0" } }))
        .status,
    ).toBe(200);
    expect((await putLogo(event.id, PNG, "image/png")).status).toBe(200);

    const page = (await (await call(`/api/events/${event.slug}`)).json()) as PublicEvent;
    expect(page.branding.theme).toMatchObject({ accent: "#7a1f5c", bg: "#fff4e0", "accent-text": "#ffffff" });
    expect(page.branding.logoUrl).toMatch(new RegExp(`^/api/events/${event.id}/logo\\?v=[0-9a-f]+$`));

    const email = "branded@example.com";
    await register(event.slug, {
      name: "Bea Branded",
      email,
      answers: { ticket: "vip", terms: true },
    });
    await runScheduler();
    await expect.poll(async () => (await outboxFor(email)).length).toBe(1);
    const [mail] = await outboxFor(email);
    expect(mail!.html).toContain(`src="http://foyer.test${page.branding.logoUrl}"`);
    expect(mail!.html).toContain("Test event");
    expect(mail!.html).toContain("background:#7a1f5c");
    expect(mail!.text).not.toMatch(/#7a1f5c|logo/);

    const cookie = await signIn(linkIn(mail!.text)!);
    const me = (await (await call("/api/me", { headers: { Cookie: cookie } })).json()) as MeResponse;
    expect(me.event.branding).toEqual(page.branding);
  });

  it("is written to the audit log", async () => {
    const event = await createEvent();
    await adminJson(branding(event.id), { method: "PUT", json: { accent: "#1f3a5f", background: "#ffffff" } });
    await putLogo(event.id, PNG, "image/png");
    await adminJson(`${branding(event.id)}/logo`, { method: "DELETE" });
    const { body } = await adminJson<{ items: { action: string }[] }>(`/api/admin/audit?eventId=${event.id}`);
    expect(body.items.map((i) => i.action)).toEqual(
      expect.arrayContaining(["branding.update", "branding.logo.set", "branding.logo.remove"]),
    );
  });

  it("dresses output pages in the event's colours and speaks the event's language, not the producer's", async () => {
    const demo = await liveDemo();
    const { eventId } = await seedDemo();
    await adminJson(branding(eventId), { method: "PUT", json: { accent: "#ffd166", background: "#1b1035" } });
    // Pim, the producer, reads Dutch; the demo event is English first.
    const res = await call(`/output/${demo.sessionId}/poll`, { headers: { Cookie: demo.cookies.pim } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<meta name="foyer:event-language" content="en">');
    const theme = /<meta name="foyer:event-theme" content="([^"]+)">/.exec(html)?.[1];
    expect(JSON.parse(theme!.replaceAll("&quot;", '"'))).toMatchObject({ bg: "#1b1035", accent: "#ffd166" });
    await adminJson(branding(eventId), { method: "PUT", json: { accent: null, background: null } });
  });

  it("shows a moderator of another event no output of this one (404), only their own event's", async () => {
    const demo = await liveDemo();
    const other = await createEvent();
    const { body: mod } = await adminJson<{ id: string }>(`/api/admin/events/${other.id}/registrations`, {
      method: "POST",
      json: {
        name: "Other Moderator",
        email: "other-mod@example.com",
        role: "moderator",
        attributes: { ticket: "standard", terms: "yes" },
      },
    });
    const { body: rotated } = await adminJson<{ link: string }>(
      `/api/admin/events/${other.id}/registrations/${mod.id}/link/rotate`,
      { method: "POST", json: { sendInvitation: false } },
    );
    const cookie = await signIn(rotated.link);
    const theirs = await call(`/output/${demo.sessionId}/poll`, { headers: { Cookie: cookie } });
    expect(theirs.status).toBe(404);
    expect(await theirs.text()).toContain('<meta name="foyer:output-status" content="not-found">');
    const unknown = await call("/output/ses_nope/poll", { headers: { Cookie: cookie } });
    expect(unknown.status).toBe(404);
    const own = await addSession(other.id, {
      kind: "stage",
      title: "Their stage",
      startsAt: new Date(other.startsAt).toISOString(),
      endsAt: new Date(other.endsAt).toISOString(),
    });
    expect((await call(`/output/${own.id}/poll`, { headers: { Cookie: cookie } })).status).toBe(200);
    // The demo's own producer still gets it.
    expect((await call(`/output/${demo.sessionId}/poll`, { headers: { Cookie: demo.cookies.pim } })).status).toBe(200);
  });
});
