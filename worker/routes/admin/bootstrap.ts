import { Hono } from "hono";
import type { AppEnv } from "../../app-env";
import type { BootstrapResponse } from "../../../core/contract/organizers";
import { auditEntry } from "../../../server/db/audit";
import { runBatch } from "../../../server/db/batch";
import { database } from "../../../server/db/client";
import {
  findOrganizerByEmail,
  findWorkspaceByName,
  insertOrganizer,
  insertWorkspace,
  putMembership,
} from "../../../server/db/organizers";
import { newId } from "../../../server/ids";
import { issueSigninLink } from "../../../server/organizers/signin";
import { jsonBody } from "../../lib/validation";
import { BootstrapBody } from "../../schemas/organizers";

/**
 * `POST /api/admin/bootstrap` (only with `Authorization: Bearer <ADMIN_TOKEN>`): the first owner,
 * or access recovered. Makes the workspace when no workspace has the name, the person when the
 * address is new, and them an owner of it; answers a fresh one-time sign-in link (also e-mailed).
 */
export const bootstrap = new Hono<AppEnv>().post("/", async (c) => {
  const body = await jsonBody(c, BootstrapBody);
  const db = database(c.env.DB);
  const now = Date.now();
  if (!(await findWorkspaceByName(db, body.workspace))) {
    await insertWorkspace(db, { id: newId("ws"), name: body.workspace, createdAt: now }).onConflictDoNothing();
  }
  await insertOrganizer(db, { id: newId("org"), email: body.email, name: body.name, createdAt: now });
  const workspace = (await findWorkspaceByName(db, body.workspace))!;
  const person = (await findOrganizerByEmail(db, body.email))!;
  await runBatch(db, [
    putMembership(db, {
      workspaceId: workspace.id,
      personId: person.id,
      role: "owner",
      eventIds: null,
      invitedAt: now,
      invitedBy: null,
    }),
    auditEntry(
      db,
      c.get("actor"),
      "owner.bootstrap",
      { workspaceId: workspace.id, target: `person:${person.id}`, details: { email: person.email } },
      now,
    ),
  ]);
  const { link } = await issueSigninLink(db, c.get("config"), person, { kind: "signin", language: "en" }, now);
  return c.json({ workspaceId: workspace.id, personId: person.id, signInLink: link } satisfies BootstrapResponse);
});
