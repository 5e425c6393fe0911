import { Hono } from "hono";
import type { AppEnv } from "../../app-env";
import type { ApiTokenView, CreatedApiToken } from "../../../core/contract/organizers";
import { auditEntry } from "../../../server/db/audit";
import { runBatch } from "../../../server/db/batch";
import { database } from "../../../server/db/client";
import { findApiToken, insertApiToken, revokeApiToken, tokensOf } from "../../../server/db/organizer-auth";
import { notFound, validationFailed } from "../../../server/errors";
import { newId } from "../../../server/ids";
import { apiTokenSecret, sha256Hex } from "../../../server/organizers/secrets";
import { tokenView } from "../../lib/organizer-views";
import { jsonBody } from "../../lib/validation";
import { toMillis } from "../../schemas/common";
import { CreateTokenBody } from "../../schemas/organizers";

/**
 * `/api/admin/workspaces/:workspaceId/tokens` — API tokens for integrations (owners only). The
 * secret is in the create answer only; Foyer keeps its hash.
 */
export const tokens = new Hono<AppEnv>()
  .get("/:workspaceId/tokens", async (c) => {
    const rows = await tokensOf(database(c.env.DB), c.req.param("workspaceId"));
    return c.json({ items: rows.map(tokenView) satisfies ApiTokenView[] });
  })
  .post("/:workspaceId/tokens", async (c) => {
    const workspaceId = c.req.param("workspaceId");
    const body = await jsonBody(c, CreateTokenBody);
    const now = Date.now();
    const expiresAt = body.expiresAt ? toMillis(body.expiresAt) : null;
    if (expiresAt !== null && expiresAt <= now) throw validationFailed({ expiresAt: "must be in the future" });
    const db = database(c.env.DB);
    const id = newId("tok");
    const secret = apiTokenSecret(id);
    const actor = c.get("actor");
    const scopes = [...new Set(body.scopes)];
    await runBatch(db, [
      insertApiToken(db, {
        id,
        workspaceId,
        name: body.name,
        scopes,
        secretHash: await sha256Hex(secret),
        createdAt: now,
        createdBy: actor.personId ?? actor.actor,
        expiresAt,
      }),
      auditEntry(
        db,
        actor,
        "token.create",
        { workspaceId, target: `token:${id}`, details: { name: body.name, scopes, expiresAt: body.expiresAt ?? null } },
        now,
      ),
    ]);
    const row = (await findApiToken(db, id))!;
    return c.json({ token: tokenView(row), secret } satisfies CreatedApiToken, 201);
  })
  .delete("/:workspaceId/tokens/:tokenId", async (c) => {
    const workspaceId = c.req.param("workspaceId");
    const tokenId = c.req.param("tokenId");
    const db = database(c.env.DB);
    const row = await findApiToken(db, tokenId);
    if (!row || row.workspaceId !== workspaceId) throw notFound("This token");
    const now = Date.now();
    await runBatch(db, [
      revokeApiToken(db, workspaceId, tokenId, now),
      auditEntry(
        db,
        c.get("actor"),
        "token.revoke",
        { workspaceId, target: `token:${tokenId}`, details: { name: row.name } },
        now,
      ),
    ]);
    return c.body(null, 204);
  });
