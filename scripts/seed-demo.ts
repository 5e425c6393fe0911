/**
 * Seeds the demo straight into the local D1 (through wrangler's platform proxy), before
 * `wrangler dev` starts, so `npm start` can print working links before the server answers.
 * The demo event belongs to the workspace "Demo", owned by the demo owner (made here if new;
 * `npm start` signs them in through the bootstrap route once the server runs).
 * Loaded with Vite's module runner: it reuses the worker's own code, unchanged.
 */
import { getConfig, type Settings } from "../server/config";
import { database } from "../server/db/client";
import { auditEntry } from "../server/db/audit";
import {
  findOrganizerByEmail,
  findWorkspaceByName,
  insertOrganizer,
  insertWorkspace,
  putMembership,
} from "../server/db/organizers";
import { ensureDemo, type DemoResult } from "../server/dev/demo";
import { newId } from "../server/ids";
import { DEMO_OWNER } from "./lib/organizer-client.ts";

export async function seedDemo(env: Settings & { DB: Parameters<typeof database>[0] }): Promise<DemoResult> {
  const db = database(env.DB);
  const now = Date.now();
  if (!(await findWorkspaceByName(db, DEMO_OWNER.workspace))) {
    await insertWorkspace(db, { id: newId("ws"), name: DEMO_OWNER.workspace, createdAt: now }).onConflictDoNothing();
  }
  await insertOrganizer(db, { id: newId("org"), email: DEMO_OWNER.email, name: DEMO_OWNER.name, createdAt: now });
  const workspace = (await findWorkspaceByName(db, DEMO_OWNER.workspace))!;
  const owner = (await findOrganizerByEmail(db, DEMO_OWNER.email))!;
  await putMembership(db, {
    workspaceId: workspace.id,
    personId: owner.id,
    role: "owner",
    eventIds: null,
    invitedAt: now,
    invitedBy: null,
  });
  const result = await ensureDemo(db, getConfig(env), now, workspace.id);
  if (result.created) {
    await auditEntry(db, { actor: "npm start", ip: null, personId: null, tokenId: null }, "demo.seed", {
      eventId: result.event.id,
      target: `event:${result.event.id}`,
    });
  }
  return result;
}
