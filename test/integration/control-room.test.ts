import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { FollowResponse, LiveResponse } from "../../core/contract/live";
import type { AuditEntryView } from "../../core/contract/organizers";
import { sessionRoom } from "../../server/rooms";
import { addSession, adminJson, call, createEvent, linkIn, outboxFor, ownerSession, signIn } from "./helpers";
import { connect, type LiveClient } from "./live/client";
import { as, invite, ok, sessionOf } from "./organizers/world";
import { runScheduler } from "./scheduler";

/** The control room's figures against a situation whose right answers are known. */

const MINUTE = 60_000;
let counter = 0;

async function person(eventId: string, name: string): Promise<string> {
  const email = `${name.toLowerCase()}-${Date.now().toString(36)}-${++counter}@live.test`;
  const { status, body } = await adminJson<{ id: string }>(`/api/admin/events/${eventId}/registrations`, {
    method: "POST",
    json: { name, email, attributes: { ticket: "standard", terms: "yes" } },
  });
  if (status !== 201) throw new Error(`registration failed: ${status} ${JSON.stringify(body)}`);
  return body.id;
}

/** A link taken from the person's own invitation e-mail (after the scheduler sent it). */
async function invitedLink(eventId: string, id: string): Promise<string> {
  const { body } = await adminJson<{ email: string }>(`/api/admin/events/${eventId}/registrations/${id}`);
  for (let i = 0; i < 20; i++) {
    const link = (await outboxFor(body.email)).map((m) => linkIn(m.text)).find(Boolean);
    if (link) return link;
    await runScheduler();
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("no invitation e-mail");
}

/** A link without any e-mail (the organizer's rotate answers with the new one). */
async function rotatedLink(eventId: string, id: string): Promise<string> {
  const { body } = await adminJson<{ link: string }>(`/api/admin/events/${eventId}/registrations/${id}/link/rotate`, {
    method: "POST",
    json: { sendInvitation: false },
  });
  return body.link;
}

async function portal(sessionId: string, cookie: string): Promise<LiveClient> {
  const client = await connect(sessionId, cookie);
  await client.hello();
  return client;
}

/** A portal page's hub socket, through its handshake. */
async function hub(cookie: string): Promise<LiveClient> {
  const client = await connect("hub", cookie);
  client.send({ type: "hello", v: 1, device: "desktop" });
  await client.take("welcome");
  return client;
}

async function world() {
  // Starts in ten minutes (doors are open) with no lead time: nobody's automatic invitation is due.
  const event = await createEvent({ startsInMs: 10 * MINUTE, inviteLeadMinutes: 0 });
  const at = (m: number) => new Date(event.startsAt + m * MINUTE).toISOString();
  const stage = await addSession(event.id, { kind: "stage", title: "Main stage", startsAt: at(0), endsAt: at(120) });
  const studio = await addSession(event.id, {
    kind: "stream-room",
    title: "Studio",
    startsAt: at(0),
    endsAt: at(120),
    parentSessionId: stage.id,
  });
  const breakout = await addSession(event.id, { kind: "breakout", title: "Later", startsAt: at(90), endsAt: at(110) });
  const [ada, bram, chloe] = [
    await person(event.id, "Ada"),
    await person(event.id, "Bram"),
    await person(event.id, "Chloe"),
  ];
  // Ada and Chloe are invited; only Ada opens her link. Bram gets a link from the organizer.
  expect(
    (
      await adminJson(`/api/admin/events/${event.id}/invitations`, {
        method: "POST",
        json: { registrationIds: [ada, chloe] },
      })
    ).status,
  ).toBe(202);
  const adaCookie = await signIn(await invitedLink(event.id, ada));
  await invitedLink(event.id, chloe);
  const bramCookie = await signIn(await rotatedLink(event.id, bram));
  const checked = await call("/api/me/tech-check", {
    method: "POST",
    headers: { Cookie: bramCookie, "Content-Type": "application/json" },
    body: JSON.stringify({ overall: "fail", checks: [{ id: "camera", verdict: "fail" }] }),
  });
  expect(checked.status).toBeLessThan(300);
  return { event, stage, studio, breakout, adaCookie, bramCookie };
}

const liveOf = async (eventId: string) => (await adminJson<LiveResponse>(`/api/admin/events/${eventId}/live`)).body;

describe("the control room", () => {
  it("shows who is online where, the hands waiting, invitations and tech checks as they are", async () => {
    const w = await world();
    const sockets = [
      await hub(w.adaCookie),
      await hub(w.bramCookie),
      await portal(w.stage.id, w.adaCookie),
      await portal(w.stage.id, w.bramCookie),
    ];
    await sockets[2]!.ok({ type: "hand/raise", topic: "A question" });

    const live = await liveOf(w.event.id);
    expect(live.online).toBe(2);
    expect(live.handsWaiting).toBe(1);
    const byId = new Map(live.sessions.map((s) => [s.id, s]));
    expect(byId.get(w.stage.id)).toMatchObject({
      when: "soon",
      online: 2,
      handsWaiting: 1,
      stage: { source: "local" },
    });
    expect(byId.get(w.studio.id)).toMatchObject({ online: 0, handsWaiting: 0, stage: null });
    // Not open yet: not asked, so not known.
    expect(byId.get(w.breakout.id)).toMatchObject({ when: "later", online: null, handsWaiting: null });
    expect(live.invitations).toEqual({ sent: 2, opened: 1, notOpened: 1, waiting: 1, failed: 0 });
    expect(live.techChecks).toEqual({ pass: 0, warn: 0, fail: 1, skipped: 0, none: 2 });

    // Someone leaves: the next read says so.
    sockets[3]!.close();
    await expect.poll(async () => (await liveOf(w.event.id)).sessions.find((s) => s.id === w.stage.id)?.online).toBe(1);
    for (const s of sockets) s.close();
  });

  it("shows a session object that fails as unknown, and everything else still", async () => {
    const w = await world();
    const ada = await portal(w.stage.id, w.adaCookie);
    // Break the stage's object: its hand queue is gone, so its summary throws.
    await runInDurableObject(sessionRoom(env, w.stage.id), async (_instance, state) => {
      state.storage.sql.exec("DROP TABLE hand_queue");
    });
    const res = await adminJson<LiveResponse>(`/api/admin/events/${w.event.id}/live`);
    expect(res.status).toBe(200);
    const stage = res.body.sessions.find((s) => s.id === w.stage.id)!;
    expect(stage).toMatchObject({ online: null, handsWaiting: null, stage: { source: "local" } });
    expect(res.body.sessions.find((s) => s.id === w.studio.id)).toMatchObject({ online: 0 });
    expect(res.body.invitations.sent).toBe(2);
    ada.close();
  });

  it("sends everyone to a session the moderators' way, audited; a viewer may watch but not send", async () => {
    const w = await world();
    const ada = await portal(w.stage.id, w.adaCookie);
    const res = await adminJson<FollowResponse>(`/api/admin/events/${w.event.id}/follow`, {
      method: "POST",
      json: { sessionId: w.breakout.id },
    });
    expect(res.status).toBe(200);
    expect(res.body.sentFrom).toContain(w.stage.id);
    expect(res.body.unreached).toEqual([]);
    // The portal on the stage hears exactly what a moderator's send says.
    const sent = await ada.take("nav/sent");
    expect(sent.to).toBe(w.breakout.id);
    const audit = await adminJson<{ items: AuditEntryView[] }>(`/api/admin/audit?eventId=${w.event.id}`);
    expect(audit.body.items[0]).toMatchObject({ action: "live.follow", target: `session:${w.breakout.id}` });

    // Field named: an unknown session, a stream room.
    const unknown = await adminJson<{ error: { fields: Record<string, string> } }>(
      `/api/admin/events/${w.event.id}/follow`,
      {
        method: "POST",
        json: { sessionId: "ses_nowhere" },
      },
    );
    expect(unknown.status).toBe(404);
    expect(Object.keys(unknown.body.error.fields)).toEqual(["sessionId"]);
    const studio = await adminJson(`/api/admin/events/${w.event.id}/follow`, {
      method: "POST",
      json: { sessionId: w.studio.id },
    });
    expect(studio.status).toBe(409);

    const { cookie: ownerCookie, workspaceId } = await ownerSession();
    const viewerId = await invite({ cookie: ownerCookie }, workspaceId, {
      email: `viewer-${Date.now().toString(36)}@live.test`,
      name: "Vera Viewer",
      role: "viewer",
    });
    const viewer = { cookie: await sessionOf(viewerId) };
    const seen = await ok<LiveResponse>(await as(viewer, `/api/admin/events/${w.event.id}/live`));
    expect(seen.sessions.find((s) => s.id === w.stage.id)?.online).toBe(1);
    const refused = await as(viewer, `/api/admin/events/${w.event.id}/follow`, {
      method: "POST",
      json: { sessionId: w.breakout.id },
    });
    expect(refused.status).toBe(403);
    ada.close();
  });
});
