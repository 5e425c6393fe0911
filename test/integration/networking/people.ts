import { env } from "cloudflare:workers";
import { PROTOCOL_VERSION, type InviteMine } from "../../../core/protocol";
import { eventHub } from "../../../server/rooms";
import type { ProgrammeResponse } from "../../../core/contract/index";
import { addSession, adminJson, call, createEvent, ORIGIN, seedDemo, signIn } from "../helpers";
import { connect, type DemoName, type LiveClient } from "../live/client";

/** The demo's people signed in, and ways to open the hub and the carousel as each of them. */
export interface NetworkingDemo {
  eventId: string;
  ids: Record<DemoName, string>;
  cookies: Record<DemoName, string>;
  carouselId: string;
  /** A hub socket after its handshake, with the person's invitations taken off the queue. */
  hub(name: DemoName): Promise<LiveClient & { you: InviteMine }>;
  hubStub(): ReturnType<typeof eventHub>;
}

const names: DemoName[] = ["mia", "pim", "ada", "bram", "chloe"];
const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

export async function networkingDemo(): Promise<NetworkingDemo> {
  const { eventId, people } = await seedDemo();
  const linkOf = (n: DemoName) => people.find((p) => fold(p.name).startsWith(n))!.link;
  const cookies = Object.fromEntries(
    await Promise.all(names.map(async (n) => [n, await signIn(linkOf(n))] as const)),
  ) as Record<DemoName, string>;
  const ids = Object.fromEntries(
    await Promise.all(
      names.map(
        async (n) =>
          [
            n,
            (
              (await (await call("/api/me", { headers: { Cookie: cookies[n] } })).json()) as {
                registration: { id: string };
              }
            ).registration.id,
          ] as const,
      ),
    ),
  ) as Record<DemoName, string>;
  const programme = (await (
    await call("/api/me/programme", { headers: { Cookie: cookies.ada } })
  ).json()) as ProgrammeResponse;
  const carouselId = programme.sessions.find((s) => s.kind === "carousel")!.id;
  return {
    eventId,
    ids,
    cookies,
    carouselId,
    async hub(name) {
      const client = await connect("hub", cookies[name]);
      client.send({ type: "hello", v: PROTOCOL_VERSION, device: "desktop" });
      await client.take("welcome");
      const { you } = await client.take("invite/you");
      return Object.assign(client, { you });
    },
    hubStub: () => eventHub(env, eventId),
  };
}

export function api(path: string, cookie: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
  const { json, ...rest } = init;
  return call(path, {
    ...rest,
    headers: {
      Cookie: cookie,
      Origin: ORIGIN,
      ...(json !== undefined ? { "Content-Type": "application/json" } : {}),
      ...rest.headers,
    },
    ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
  });
}

export interface Person {
  id: string;
  name: string;
  cookie: string;
}

export interface Crowd {
  eventId: string;
  carouselId: string;
  people: Person[];
  hub(p: Person): Promise<LiveClient & { you: InviteMine }>;
  hubStub(): ReturnType<typeof eventHub>;
}

let crowdCounter = 0;

/**
 * A fresh event of its own (so no test shares invitations, limits or carousel history with
 * another), with a carousel session running now and these people signed in.
 */
export async function freshCrowd(
  people: { name: string; organisation?: string; role?: string; listed?: boolean }[],
): Promise<Crowd> {
  const event = await createEvent({ startsInMs: -60_000, durationMs: 4 * 3_600_000 });
  const now = Date.now();
  const { id: carouselId } = await addSession(event.id, {
    kind: "carousel",
    title: "Carousel",
    startsAt: new Date(now - 60_000).toISOString(),
    endsAt: new Date(now + 3_600_000).toISOString(),
  });
  const tag = ++crowdCounter;
  const signedIn: Person[] = [];
  for (const [i, p] of people.entries()) {
    const email = `p${i}-${tag}-${now}@crowd.test`;
    const { status, body } = await adminJson<{ id: string }>(`/api/admin/events/${event.id}/registrations`, {
      method: "POST",
      json: {
        name: p.name,
        email,
        role: p.role ?? "participant",
        attributes: { ticket: "standard", ...(p.organisation ? { organisation: p.organisation } : {}) },
      },
    });
    if (status !== 201) throw new Error(`registration failed: ${status} ${JSON.stringify(body)}`);
    const rotated = await adminJson<{ link: string }>(
      `/api/admin/events/${event.id}/registrations/${body.id}/link/rotate`,
      { method: "POST", json: { sendInvitation: false } },
    );
    const cookie = await signIn(rotated.body.link);
    if (p.listed !== false) {
      const res = await api("/api/me/preferences", cookie, { method: "PATCH", json: { listed: true } });
      if (res.status !== 200) throw new Error(`opt-in failed: ${res.status} ${await res.text()}`);
    }
    signedIn.push({ id: body.id, name: p.name, cookie });
  }
  return {
    eventId: event.id,
    carouselId,
    people: signedIn,
    async hub(p) {
      const client = await connect("hub", p.cookie);
      client.send({ type: "hello", v: PROTOCOL_VERSION, device: "desktop" });
      await client.take("welcome");
      const { you } = await client.take("invite/you");
      return Object.assign(client, { you });
    },
    hubStub: () => eventHub(env, event.id),
  };
}
