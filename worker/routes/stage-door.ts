import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import type { StageDoorResponse } from "../../core/contract/media";
import { database } from "../../server/db/client";
import { matrixConsentOf, streamRoomOf } from "../../server/db/stagedoor";
import { sessionForMe } from "../lib/session-access";
import { requireSignin } from "../middleware/signin";
import { providerMaxTiles } from "../../core/rules/matrix";

/**
 * `GET /api/sessions/:sessionId/stage-door` — whether the session takes raised hands (a stage
 * with a stream room), and the signed-in person's matrix consent. Changes go over the session
 * socket (`hand/…`, `matrix/consent`), where the session's object applies them at once.
 */
export const stageDoor = new Hono<AppEnv>().get("/:sessionId/stage-door", requireSignin, async (c) => {
  const session = await sessionForMe(c, c.req.param("sessionId"));
  const db = database(c.env.DB);
  const [streamRoomId, matrixOptIn] = await Promise.all([
    session.kind === "stage" ? streamRoomOf(db, session.id) : Promise.resolve(null),
    matrixConsentOf(db, c.get("me").registration.id),
  ]);
  const config = c.get("config");
  return c.json({
    streamRoomId,
    matrixOptIn,
    matrixMaxTiles: providerMaxTiles(config.media, config.meshMaxPeers),
  } satisfies StageDoorResponse);
});
