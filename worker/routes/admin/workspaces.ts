import { Hono } from "hono";
import type { AppEnv } from "../../app-env";
import type { WorkspaceView } from "../../../core/contract/organizers";
import { auditEntry } from "../../../server/db/audit";
import { runBatch } from "../../../server/db/batch";
import { database } from "../../../server/db/client";
import { findWorkspaceByName, insertWorkspace, putMembership, workspacesByIds } from "../../../server/db/organizers";
import { ApiError, ErrorCode } from "../../../server/errors";
import { newId } from "../../../server/ids";
import type { Principal } from "../../../server/organizers/access";
import { workspaceViews } from "../../lib/organizer-views";
import { jsonBody } from "../../lib/validation";
import { WorkspaceCreate } from "../../schemas/organizers";
import { members } from "./members";
import { tokens } from "./tokens";

/**
 * `/api/admin/workspaces` — the caller's workspaces; any signed-in person may start one (and owns
 * it). Members and tokens of a workspace are in members.ts and tokens.ts.
 */
export const workspaces = new Hono<AppEnv>()
  .get("/", async (c) => {
    const p = c.get("organizer");
    const ids = p.kind === "token" ? [p.workspaceId] : p.memberships.map((m) => m.workspaceId);
    return c.json({ items: workspaceViews(p, await workspacesByIds(database(c.env.DB), ids)) });
  })
  .post("/", async (c) => {
    const p = c.get("organizer") as Extract<Principal, { kind: "person" }>;
    const { name } = await jsonBody(c, WorkspaceCreate);
    const db = database(c.env.DB);
    const taken = () =>
      new ApiError(409, ErrorCode.conflict, `A workspace named "${name}" exists already.`, {
        name: "is already taken",
      });
    if (await findWorkspaceByName(db, name)) throw taken();
    const now = Date.now();
    const id = newId("ws");
    try {
      await runBatch(db, [
        insertWorkspace(db, { id, name, createdAt: now }),
        putMembership(db, {
          workspaceId: id,
          personId: p.personId,
          role: "owner",
          eventIds: null,
          invitedAt: now,
          invitedBy: null,
        }),
        auditEntry(
          db,
          c.get("actor"),
          "workspace.create",
          { workspaceId: id, target: `workspace:${id}`, details: { name } },
          now,
        ),
      ]);
    } catch {
      throw taken();
    }
    const [row] = await workspacesByIds(db, [id]);
    const me: Principal = { ...p, memberships: [...p.memberships, { workspaceId: id, role: "owner", eventIds: null }] };
    return c.json(workspaceViews(me, [row!])[0]! satisfies WorkspaceView, 201);
  })
  .route("/", members)
  .route("/", tokens);
