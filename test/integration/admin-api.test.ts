import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApp } from "../../worker/app";
import type { AdminEvent, AdminSession } from "../../core/contract/index";
import { operations } from "../../worker/openapi/document";
import { ORGANIZER_ROUTES } from "../../worker/routes/admin/permissions";
import { adminJson, call, createEvent } from "./helpers";

/** Organizer routes that take no credentials (sign-in), as OpenAPI paths: the permission table says which. */
const PUBLIC_PATHS = new Set(
  ORGANIZER_ROUTES.filter((r) => r.target === "public").map((r) => r.path.replace(/:(\w+)/g, "{$1}")),
);

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

/** The API routes the app really serves, as OpenAPI paths. Documents (/, /portal…) are not API. */
function servedRoutes(): string[] {
  return createApp()
    .routes.filter(
      (r) => r.method !== "ALL" && (r.path.startsWith("/api/") || r.path.startsWith("/j/") || r.path === "/healthz"),
    )
    .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, "{$1}")}`);
}

describe("OpenAPI document", () => {
  it("is served as OpenAPI 3.1 and lists exactly the routes the app serves", async () => {
    const res = await call("/api/openapi.json");
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    expect(doc.openapi).toBe("3.1.0");
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m} ${path}`),
    );
    expect([...new Set(servedRoutes())].sort()).toEqual(documented.sort());
    for (const [path, methods] of Object.entries(doc.paths)) {
      if (!path.startsWith("/api/admin/")) continue;
      for (const op of Object.values(methods)) {
        const expected =
          path === "/api/admin/bootstrap"
            ? [{ adminToken: [] }]
            : PUBLIC_PATHS.has(path)
              ? []
              : [{ organizerSession: [] }, { apiToken: [] }];
        expect(op.security, path).toEqual(expected);
      }
    }
  });

  it("describes request bodies from the schemas that validate them", async () => {
    const doc = (await (await call("/api/openapi.json")).json()) as {
      paths: Record<
        string,
        Record<
          string,
          {
            requestBody?: {
              content: Record<string, { schema: { properties?: Record<string, unknown>; required?: string[] } }>;
            };
          }
        >
      >;
    };
    const create = doc.paths["/api/admin/events"]!.post!.requestBody!.content["application/json"]!.schema;
    expect(create.required?.sort()).toEqual(["endsAt", "slug", "startsAt", "title"]);
    expect(Object.keys(create.properties!)).toContain("inviteLeadMinutes");
    const register =
      doc.paths["/api/events/{slug}/registrations"]!.post!.requestBody!.content["application/json"]!.schema;
    expect(register.required?.sort()).toEqual(["email", "name"]);
  });
});

describe("organizer API authorization", () => {
  const adminOps = operations.filter((op) => op.auth === "admin");
  const urlOf = (path: string) => path.replace(/\{(\w+)\}/g, (_, name: string) => `${name}-x`);

  it("covers every admin route", () => {
    expect(adminOps.length).toBeGreaterThanOrEqual(20);
  });

  it.each(adminOps.map((op) => [op.method.toUpperCase(), op.path] as const))(
    "%s %s refuses missing and unknown credentials, the ADMIN_TOKEN among them (401)",
    async (method, path) => {
      const none = await call(urlOf(path), {
        method,
        headers: { "Content-Type": "application/json" },
        body: method === "GET" ? null : "{}",
      });
      expect(none.status).toBe(401);
      expect(((await none.json()) as ErrorBody).error.code).toBe("unauthorized");
      for (const header of [
        "Bearer wrong-token-0123456789abcdef0123456789",
        `Bearer ${env.ADMIN_TOKEN}`,
        `Bearer fyr_tok_00000000000000000000_${"A".repeat(43)}`,
        "Basic dGVzdDp0ZXN0",
        "Bearer",
      ]) {
        const wrong = await call(urlOf(path), {
          method,
          headers: { Authorization: header, "Content-Type": "application/json" },
          body: method === "GET" ? null : "{}",
        });
        expect(wrong.status, header).toBe(401);
      }
    },
  );
});

describe("events and programme sessions", () => {
  const base = {
    slug: "spring-summit",
    title: "Spring summit",
    timezone: "Europe/Amsterdam",
    startsAt: "2026-04-02T09:00:00+02:00",
    endsAt: "2026-04-02T17:00:00+02:00",
  };

  it("creates, reads (by id or slug), lists and updates an event, recording each change", async () => {
    const created = await adminJson<AdminEvent>("/api/admin/events", {
      method: "POST",
      json: base,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      slug: "spring-summit",
      inviteLeadMinutes: 180,
      registrationOpen: true,
      startsAt: "2026-04-02T07:00:00.000Z",
      invitesAt: "2026-04-02T04:00:00.000Z",
    });
    expect((await adminJson<AdminEvent>(`/api/admin/events/spring-summit`)).body.id).toBe(created.body.id);
    expect((await adminJson<{ items: AdminEvent[] }>("/api/admin/events")).body.items.map((e) => e.slug)).toContain(
      "spring-summit",
    );

    const updated = await adminJson<AdminEvent>(`/api/admin/events/${created.body.id}`, {
      method: "PATCH",
      json: { title: "Spring summit 2026", registrationOpen: false },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ title: "Spring summit 2026", registrationOpen: false, slug: "spring-summit" });

    const audit = await adminJson<{
      items: { action: string; actor: string; target: string; details: Record<string, unknown> }[];
    }>(`/api/admin/audit?eventId=${created.body.id}`);
    expect(audit.body.items.map((a) => a.action)).toEqual(["event.update", "event.create"]);
    expect(audit.body.items[1]!.actor).toBe("Test Owner <owner@foyer.test>");
    expect(audit.body.items[0]!.details).toEqual({ changed: { title: "Spring summit 2026", registrationOpen: false } });
  });

  it("names each bad field with 422", async () => {
    const res = await adminJson<ErrorBody>("/api/admin/events", {
      method: "POST",
      json: {
        slug: "Bad Slug",
        title: "",
        timezone: "Mars/Olympus",
        startsAt: "tomorrow",
        endsAt: "2026-04-02T17:00:00Z",
        inviteLeadMinutes: -5,
        fields: [
          { kind: "choice", key: "email", label: "x", options: [] },
          { kind: "dropdown", key: "y", label: "y" },
        ],
        surprise: true,
      },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("validation_failed");
    expect(Object.keys(res.body.error.fields!).sort()).toEqual(
      [
        "fields.0.key",
        "fields.0.options",
        "fields.1.kind",
        "inviteLeadMinutes",
        "slug",
        "startsAt",
        "surprise",
        "timezone",
        "title",
      ].sort(),
    );
    const backwards = await adminJson<ErrorBody>("/api/admin/events", {
      method: "POST",
      json: { ...base, slug: "backwards", endsAt: "2026-04-02T08:00:00+02:00" },
    });
    expect(backwards.body.error.fields).toEqual({ endsAt: "must be after the start" });
  });

  it("refuses a taken slug, an unknown event, non-JSON and malformed JSON clearly", async () => {
    await createEvent();
    await adminJson("/api/admin/events", { method: "POST", json: { ...base, slug: "taken-slug" } });
    const taken = await adminJson<ErrorBody>("/api/admin/events", {
      method: "POST",
      json: { ...base, slug: "taken-slug" },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.fields).toEqual({ slug: "is already taken" });
    expect((await adminJson<ErrorBody>("/api/admin/events/evt_nope")).status).toBe(404);
    const text = await adminJson<ErrorBody>("/api/admin/events", {
      method: "POST",
      body: "slug=x",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(text.status).toBe(415);
    const broken = await adminJson<ErrorBody>("/api/admin/events", {
      method: "POST",
      body: "{nope",
      headers: { "Content-Type": "application/json" },
    });
    expect(broken.status).toBe(400);
  });

  it("adds, reads, lists and updates programme sessions with audience rules", async () => {
    const event = await createEvent();
    const start = new Date(event.startsAt).toISOString();
    const end = new Date(event.startsAt + 3_600_000).toISOString();
    const stage = await adminJson<AdminSession>(`/api/admin/events/${event.id}/sessions`, {
      method: "POST",
      json: { kind: "stage", title: "Main", startsAt: start, endsAt: end },
    });
    expect(stage.status).toBe(201);
    expect(stage.body).toMatchObject({
      kind: "stage",
      audience: { kind: "everyone" },
      selectable: false,
      capacity: null,
    });
    const breakout = await adminJson<AdminSession>(`/api/admin/events/${event.id}/sessions`, {
      method: "POST",
      json: {
        kind: "breakout",
        title: "VIP room",
        startsAt: new Date(event.startsAt + 600_000).toISOString(),
        endsAt: end,
        capacity: 20,
        selectable: true,
        audience: { kind: "attributes", conditions: [{ attribute: "ticket", op: "in", values: ["vip"] }] },
      },
    });
    expect(breakout.status).toBe(201);
    const changed = await adminJson<AdminSession>(`/api/admin/events/${event.id}/sessions/${breakout.body.id}`, {
      method: "PATCH",
      json: { audience: { kind: "selected" }, capacity: null },
    });
    expect(changed.body).toMatchObject({ audience: { kind: "selected" }, capacity: null, title: "VIP room" });
    expect((await adminJson<AdminSession>(`/api/admin/events/${event.id}/sessions/${stage.body.id}`)).body.title).toBe(
      "Main",
    );
    const list = await adminJson<{ items: AdminSession[] }>(`/api/admin/events/${event.id}/sessions`);
    expect(list.body.items.map((s) => s.title)).toEqual(["Main", "VIP room"]);

    const bad = await adminJson<ErrorBody>(`/api/admin/events/${event.id}/sessions`, {
      method: "POST",
      json: {
        kind: "lounge",
        title: "x",
        startsAt: end,
        endsAt: start,
        audience: { kind: "attributes", conditions: [] },
        parentSessionId: "ses_elsewhere",
      },
    });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields!).sort()).toEqual(["audience.conditions", "kind"]);
    const other = await createEvent();
    expect((await adminJson(`/api/admin/events/${other.id}/sessions/${stage.body.id}`)).status).toBe(404);
    const orphan = await adminJson<ErrorBody>(`/api/admin/events/${event.id}/sessions`, {
      method: "POST",
      json: {
        kind: "stream-room",
        title: "Green room",
        startsAt: start,
        endsAt: end,
        parentSessionId: "ses_elsewhere",
      },
    });
    expect(orphan.body.error.fields).toEqual({ parentSessionId: "must be a session of this event" });
  });
});

describe("organizer page", () => {
  it("is served at /admin from its own bundle, with the security headers", async () => {
    for (const path of ["/admin", "/admin/anything"]) {
      const res = await call(path);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain("<title>Foyer organizer</title>");
      expect(html).toMatch(/src="\/assets\/admin-[\w-]+\.js"/);
      expect(res.headers.get("Content-Security-Policy")).toContain("default-src 'self'");
    }
    const participant = await (await call("/e/demo")).text();
    expect(participant).not.toContain("admin-");
  });
});
