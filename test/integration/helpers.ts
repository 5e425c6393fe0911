import { env, exports } from "cloudflare:workers";
import type { ServerFrame } from "../../core/protocol";

export const ORIGIN = "http://foyer.test";

export function call(path: string, init: RequestInit = {}): Promise<Response> {
  return exports.default.fetch(new Request(new URL(path, ORIGIN), init));
}

/** The owner every test file works as (bootstrapped on first use, in the workspace "Test"). */
export const TEST_OWNER = { email: "owner@foyer.test", name: "Test Owner", workspace: "Test" };

/** `POST /api/admin/bootstrap` with the ADMIN_TOKEN: the owner's workspace, id and a one-time link. */
export async function bootstrap(
  owner: { email: string; name: string; workspace: string } = TEST_OWNER,
): Promise<{ workspaceId: string; personId: string; signInLink: string }> {
  const res = await call("/api/admin/bootstrap", {
    method: "POST",
    headers: { Authorization: `Bearer ${env.ADMIN_TOKEN}`, "Content-Type": "application/json" },
    body: JSON.stringify(owner),
  });
  if (res.status !== 200) throw new Error(`bootstrap failed: ${res.status} ${await res.text()}`);
  return res.json();
}

/** Signs in with a link (its fragment's token) like the admin page; returns the `foyer_admin=…` cookie. */
export async function signInWithLink(link: string): Promise<string> {
  const res = await call("/api/admin/auth/signin", {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: ORIGIN },
    body: JSON.stringify({ token: new URL(link).hash.slice(1) }),
  });
  if (res.status !== 200) throw new Error(`organizer sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = /^(foyer_admin=[^;]+)/.exec(res.headers.get("Set-Cookie") ?? "")?.[1];
  if (!cookie) throw new Error("no organizer cookie set");
  return cookie;
}

let owner: Promise<{ cookie: string; workspaceId: string }> | undefined;

/** The test owner's session (made once per test file and kept while its storage lasts). */
export function ownerSession(): Promise<{ cookie: string; workspaceId: string }> {
  owner ??= (async () => {
    const boot = await bootstrap();
    return { cookie: await signInWithLink(boot.signInLink), workspaceId: boot.workspaceId };
  })();
  owner.catch(() => (owner = undefined));
  return owner;
}

/** An organizer API request as the test owner (session cookie, same-origin Origin). */
export async function admin(path: string, init: RequestInit = {}): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    const { cookie } = await ownerSession();
    const res = await call(path, {
      ...init,
      headers: {
        Cookie: cookie,
        Origin: ORIGIN,
        ...(init.body ? { "Content-Type": "application/json" } : {}),
        ...init.headers,
      },
    });
    // Storage reset under a kept session (another test's world): sign in again, once.
    const retryable = init.body === undefined || init.body === null || typeof init.body === "string";
    if (res.status !== 401 || attempt > 0 || !retryable) return res;
    owner = undefined;
  }
}

export interface DemoPerson {
  name: string;
  email: string;
  role: string;
  link: string;
}

export async function seedDemo(): Promise<{ eventId: string; people: DemoPerson[] }> {
  const res = await admin("/api/admin/demo", { method: "POST" });
  if (res.status !== 201 && res.status !== 200) throw new Error(`demo seed failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { event: { id: string }; people: DemoPerson[] };
  return { eventId: body.event.id, people: body.people };
}

/** Opens a personal link like a browser and returns the session cookie it set. */
export async function signIn(link: string): Promise<string> {
  const res = await call(new URL(link).pathname, { redirect: "manual" });
  if (res.status !== 303) throw new Error(`sign-in failed: ${res.status}`);
  const setCookie = res.headers.get("Set-Cookie") ?? "";
  const cookie = /^(foyer_session=[^;]+)/.exec(setCookie)?.[1];
  if (!cookie) throw new Error("no session cookie set");
  return cookie;
}

/** A real websocket to the session, with a queue of received frames to wait on. */
export class TestSocket {
  readonly frames: ServerFrame[] = [];
  private waiters: { match: (f: ServerFrame) => boolean; resolve: (f: ServerFrame) => void }[] = [];
  closed: { code: number; reason: string } | undefined;

  constructor(readonly ws: WebSocket) {
    ws.accept();
    ws.addEventListener("message", (event) => {
      if (typeof event.data !== "string" || event.data === "pong") return;
      const frame = JSON.parse(event.data) as ServerFrame;
      this.frames.push(frame);
      this.waiters = this.waiters.filter((w) => {
        if (!w.match(frame)) return true;
        w.resolve(frame);
        return false;
      });
    });
    ws.addEventListener("close", (event) => {
      this.closed = { code: event.code, reason: event.reason };
    });
  }

  send(frame: unknown): void {
    this.ws.send(typeof frame === "string" ? frame : JSON.stringify(frame));
  }

  /** The next frame (already received or still to come) of the given type. */
  next<T extends ServerFrame["type"]>(type: T, timeoutMs = 2000): Promise<Extract<ServerFrame, { type: T }>> {
    const seen = this.frames.findIndex((f) => f.type === type);
    if (seen >= 0) return Promise.resolve(this.frames.splice(seen, 1)[0] as Extract<ServerFrame, { type: T }>);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${type} frame within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        match: (f) => f.type === type,
        resolve: (f) => {
          clearTimeout(timer);
          this.frames.splice(this.frames.indexOf(f), 1);
          resolve(f as Extract<ServerFrame, { type: T }>);
        },
      });
    });
  }

  close(): void {
    this.ws.close(1000, "test done");
  }
}

export async function openSocket(sessionId: string, cookie: string, origin = ORIGIN): Promise<TestSocket> {
  const res = await call(`/api/sessions/${sessionId}/ws`, {
    headers: { Upgrade: "websocket", Cookie: cookie, Origin: origin },
  });
  if (res.status !== 101 || !res.webSocket) throw new Error(`upgrade refused: ${res.status} ${await res.text()}`);
  return new TestSocket(res.webSocket);
}

// ── Registration, invitations, organizer API ────────────────────────────────────────────────

let ipCounter = 0;
/** A fresh client IP per call, so per-IP rate limits never couple unrelated tests. */
export const freshIp = () => {
  ipCounter = (ipCounter % 250) + 1;
  return `198.51.100.${ipCounter}`;
};

export async function adminJson<T>(
  path: string,
  init: RequestInit & { json?: unknown } = {},
): Promise<{ status: number; body: T }> {
  const { json, ...rest } = init;
  const res = await admin(path, { ...rest, ...(json !== undefined ? { body: JSON.stringify(json) } : {}) });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

const HOUR = 3_600_000;
let slugCounter = 0;

export interface TestEventOptions {
  /** Start relative to now (default two days ahead, so automatic invitations are not due). */
  startsInMs?: number;
  durationMs?: number;
  fields?: unknown[];
  inviteLeadMinutes?: number;
  registrationOpen?: boolean;
  timezone?: string;
}

export async function createEvent(
  o: TestEventOptions = {},
): Promise<{ id: string; slug: string; startsAt: number; endsAt: number }> {
  const startsAt = Date.now() + (o.startsInMs ?? 48 * HOUR);
  const endsAt = startsAt + (o.durationMs ?? 4 * HOUR);
  const slug = `test-${Date.now().toString(36)}-${++slugCounter}`;
  const { status, body } = await adminJson<{ id: string; slug: string }>("/api/admin/events", {
    method: "POST",
    json: {
      slug,
      title: `Test event ${slugCounter}`,
      timezone: o.timezone ?? "Europe/Amsterdam",
      startsAt: new Date(startsAt).toISOString(),
      endsAt: new Date(endsAt).toISOString(),
      ...(o.inviteLeadMinutes !== undefined ? { inviteLeadMinutes: o.inviteLeadMinutes } : {}),
      ...(o.registrationOpen !== undefined ? { registrationOpen: o.registrationOpen } : {}),
      fields: o.fields ?? [
        { kind: "choice", key: "ticket", label: "Ticket", required: true, options: ["standard", "vip"] },
        { kind: "text", key: "organisation", label: "Organisation", required: false, maxLength: 100 },
        { kind: "multi-choice", key: "interests", label: "Interests", required: false, options: ["ai", "design"] },
        { kind: "consent", key: "terms", label: "I accept the terms", required: true },
      ],
    },
  });
  if (status !== 201) throw new Error(`event create failed: ${status} ${JSON.stringify(body)}`);
  return { id: body.id, slug: body.slug, startsAt, endsAt };
}

export async function addSession(eventId: string, session: Record<string, unknown>): Promise<{ id: string }> {
  const { status, body } = await adminJson<{ id: string }>(`/api/admin/events/${eventId}/sessions`, {
    method: "POST",
    json: session,
  });
  if (status !== 201) throw new Error(`session create failed: ${status} ${JSON.stringify(body)}`);
  return body;
}

export function register(slug: string, body: unknown, ip = freshIp()): Promise<Response> {
  return call(`/api/events/${slug}/registrations`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "CF-Connecting-IP": ip },
    body: JSON.stringify(body),
  });
}

export interface OutboxItem {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  eventId: string | null;
}

export async function outboxFor(to: string): Promise<OutboxItem[]> {
  const { body } = await adminJson<{ items: OutboxItem[] }>(`/api/admin/outbox?to=${encodeURIComponent(to)}&limit=200`);
  return body.items;
}

/** The personal link in an e-mail's plain-text part. */
export const linkIn = (text: string) => /https?:\/\/\S+\/j\/[\w.-]+/.exec(text)?.[0];
