import { Hono } from "hono";
import type { AppEnv } from "../../app-env";
import type { MemberView } from "../../../core/contract/organizers";
import { auditEntry } from "../../../server/db/audit";
import { runBatch } from "../../../server/db/batch";
import { database, type Db } from "../../../server/db/client";
import {
  demoteGuarded,
  eventsInWorkspace,
  findMembership,
  findOrganizerByEmail,
  findWorkspace,
  insertOrganizer,
  membersOf,
  putMembership,
  removeGuarded,
} from "../../../server/db/organizers";
import { ApiError, ErrorCode, notFound, validationFailed } from "../../../server/errors";
import { newId } from "../../../server/ids";
import { issueSigninLink } from "../../../server/organizers/signin";
import { memberView } from "../../lib/organizer-views";
import { jsonBody } from "../../lib/validation";
import { InviteMemberBody, UpdateMemberBody } from "../../schemas/organizers";

/** An event limit may name only the workspace's own events, and owners see every event. */
async function checkLimit(db: Db, workspaceId: string, role: string, eventIds: string[] | null): Promise<void> {
  if (eventIds === null) return;
  if (role === "owner") throw validationFailed({ eventIds: "must be null for an owner: owners see every event" });
  const own = new Set(await eventsInWorkspace(db, workspaceId, eventIds));
  const stranger = eventIds.find((id) => !own.has(id));
  if (stranger !== undefined) throw validationFailed({ eventIds: `no event ${stranger} in this workspace` });
}

async function viewOf(db: Db, workspaceId: string, personId: string): Promise<MemberView> {
  const row = (await membersOf(db, workspaceId)).find((m) => m.person.id === personId);
  if (!row) throw notFound("This member");
  return memberView(row);
}

const lastOwner = (field: string, what: string) =>
  new ApiError(
    409,
    ErrorCode.conflict,
    `The last owner of a workspace cannot ${what}; make someone else owner first.`,
    {
      [field]: `the last owner cannot ${what}`,
    },
  );

/** `/api/admin/workspaces/:workspaceId/members` — the people of a workspace (owners only). */
export const members = new Hono<AppEnv>()
  .get("/:workspaceId/members", async (c) => {
    const rows = await membersOf(database(c.env.DB), c.req.param("workspaceId"));
    return c.json({ items: rows.map(memberView) satisfies MemberView[] });
  })
  .post("/:workspaceId/members", async (c) => {
    const workspaceId = c.req.param("workspaceId");
    const body = await jsonBody(c, InviteMemberBody);
    const db = database(c.env.DB);
    const eventIds = body.eventIds ?? null;
    await checkLimit(db, workspaceId, body.role, eventIds);
    const now = Date.now();
    await insertOrganizer(db, { id: newId("org"), email: body.email, name: body.name, createdAt: now });
    const person = (await findOrganizerByEmail(db, body.email))!;
    if (await findMembership(db, workspaceId, person.id)) {
      throw new ApiError(409, ErrorCode.conflict, `${person.email} is a member already; change their role instead.`, {
        email: "is a member already",
      });
    }
    const inviter = c.get("actor");
    await runBatch(db, [
      putMembership(db, {
        workspaceId,
        personId: person.id,
        role: body.role,
        eventIds,
        invitedAt: now,
        invitedBy: inviter.personId,
      }),
      auditEntry(
        db,
        inviter,
        "member.invite",
        { workspaceId, target: `person:${person.id}`, details: { email: person.email, role: body.role, eventIds } },
        now,
      ),
    ]);
    const workspace = (await findWorkspace(db, workspaceId))!;
    const organizer = c.get("organizer");
    await issueSigninLink(
      db,
      c.get("config"),
      person,
      {
        kind: "member-invite",
        language: body.language ?? "en",
        inviter: organizer.name,
        workspace: workspace.name,
        role: body.role,
        workspaceId,
      },
      now,
    );
    return c.json(await viewOf(db, workspaceId, person.id), 201);
  })
  .patch("/:workspaceId/members/:personId", async (c) => {
    const workspaceId = c.req.param("workspaceId");
    const personId = c.req.param("personId");
    const db = database(c.env.DB);
    const current = await findMembership(db, workspaceId, personId);
    if (!current) throw notFound("This member");
    const body = await jsonBody(c, UpdateMemberBody);
    const role = body.role ?? current.role;
    const eventIds = body.eventIds === undefined ? current.eventIds : body.eventIds;
    await checkLimit(db, workspaceId, role, eventIds);
    const changes = { role, eventIds };
    const now = Date.now();
    if (current.role === "owner" && role !== "owner") {
      // Guarded in the statement: it applies only while another owner remains.
      if (!(await demoteGuarded(db, workspaceId, personId, changes))) throw lastOwner("role", "be demoted");
    } else {
      await putMembership(db, { ...current, ...changes });
    }
    await auditEntry(
      db,
      c.get("actor"),
      "member.update",
      { workspaceId, target: `person:${personId}`, details: { changed: body, roleBefore: current.role } },
      now,
    );
    return c.json(await viewOf(db, workspaceId, personId));
  })
  .delete("/:workspaceId/members/:personId", async (c) => {
    const workspaceId = c.req.param("workspaceId");
    const personId = c.req.param("personId");
    const db = database(c.env.DB);
    const current = await findMembership(db, workspaceId, personId);
    if (!current) throw notFound("This member");
    if (!(await removeGuarded(db, workspaceId, personId))) throw lastOwner("personId", "leave");
    await auditEntry(db, c.get("actor"), "member.remove", {
      workspaceId,
      target: `person:${personId}`,
      details: { role: current.role },
    });
    return c.body(null, 204);
  });
