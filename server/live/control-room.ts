import type { FollowResponse, LiveResponse, LiveSession } from "../../core/contract/live";
import { followSources, isOpen, liveWhen, sumKnown } from "../../core/rules/live";
import type { Config } from "../config";
import type { Db } from "../db/client";
import { invitationCounts, techCheckCounts } from "../db/live";
import type { EventRow, ProgrammeSessionRow } from "../db/schema";
import { sessionsOf } from "../db/sessions";
import type { Env } from "../env";
import { ApiError, ErrorCode } from "../errors";
import { eventHub, sessionRoom } from "../rooms";
import { withinOrNull } from "./deadline";
import { stageLive } from "./stage-live";

/**
 * How long the control room waits for a live object. A woken object answers in milliseconds; one
 * that takes longer is overloaded or gone, and its figures show as unknown rather than holding
 * the page (which refreshes every few seconds anyway).
 */
export const PROBE_MS = 1_500;

type Bindings = Pick<Env, "SESSION_ROOM" | "EVENT_HUB">;

/** The control room's figures, gathered in parallel: the hub, each open session, the stages, D1. */
export async function gatherLive(
  env: Bindings,
  db: Db,
  config: Config,
  event: EventRow,
  now = Date.now(),
): Promise<LiveResponse> {
  const sessions = await sessionsOf(db, event.id);
  const [online, invitations, techChecks, views] = await Promise.all([
    withinOrNull(() => eventHub(env, event.id).onlineCount(), PROBE_MS),
    invitationCounts(db, event.id),
    techCheckCounts(db, event.id),
    Promise.all(sessions.map((s) => sessionView(env, db, config, s, now))),
  ]);
  return {
    at: new Date(now).toISOString(),
    online,
    handsWaiting: sumKnown(views.map((v) => v.handsWaiting)),
    sessions: views,
    invitations,
    techChecks,
  };
}

async function sessionView(
  env: Bindings,
  db: Db,
  config: Config,
  s: ProgrammeSessionRow,
  now: number,
): Promise<LiveSession> {
  const when = liveWhen(s, now);
  const [summary, stage] = await Promise.all([
    isOpen(when) ? withinOrNull(() => sessionRoom(env, s.id).liveSummary(), PROBE_MS) : Promise.resolve(null),
    s.kind === "stage" ? stageLive(db, config, s, now) : Promise.resolve(null),
  ]);
  return {
    id: s.id,
    title: s.title,
    kind: s.kind,
    startsAt: new Date(s.startsAt).toISOString(),
    endsAt: new Date(s.endsAt).toISOString(),
    when,
    online: summary?.online ?? null,
    handsWaiting: summary?.handsWaiting ?? null,
    stage,
  };
}

/**
 * "Send everyone to …": each open session (but the target and stream rooms) sends its people
 * there, exactly as a moderator's `nav/send` would. A session that does not answer in time is
 * reported, not fatal: the others have moved already, and sending again is harmless.
 */
export async function followEveryone(
  env: Bindings,
  db: Db,
  event: EventRow,
  to: string,
  now = Date.now(),
): Promise<FollowResponse> {
  const sessions = await sessionsOf(db, event.id);
  const target = sessions.find((s) => s.id === to);
  if (!target)
    throw new ApiError(404, ErrorCode.notFound, "There is no such session in this event.", { sessionId: "not found" });
  if (target.kind === "stream-room") {
    throw new ApiError(
      409,
      ErrorCode.conflict,
      "People cannot be sent to a stream room; a moderator invites them from the raised hands.",
      {
        sessionId: "is a stream room",
      },
    );
  }
  const sources = followSources(
    sessions.map((s) => ({ id: s.id, kind: s.kind, when: liveWhen(s, now) })),
    to,
  );
  const results = await Promise.all(
    sources.map(async (s) => ({
      id: s.id,
      ok:
        (await withinOrNull(
          () =>
            sessionRoom(env, s.id)
              .sendEveryone(to)
              .then(() => true),
          PROBE_MS,
        )) === true,
    })),
  );
  return {
    sessionId: to,
    sentFrom: results.filter((r) => r.ok).map((r) => r.id),
    unreached: results.filter((r) => !r.ok).map((r) => r.id),
  };
}
