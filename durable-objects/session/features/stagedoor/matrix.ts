import { sessionRoom } from "../../../../server/rooms";
import { getConfig } from "../../../../server/config";
import { database } from "../../../../server/db/client";
import { consentedPeople, eventOfSession, sessionsOfEvent } from "../../../../server/db/stagedoor";
import type {
  MatrixConfigureFrame,
  MatrixPageFrame,
  MatrixRemoveFrame,
  MatrixStateEvent,
  MatrixTile,
  MatrixView,
} from "../../../../core/protocol";
import { pageOf, providerMaxTiles, selectMatrix, sourceUpdates, tilesPerPage } from "../../../../core/rules/matrix";
import { done, refuse, type Outcome } from "../../../../core/rules/outcome";
import type { FrameContext, RoomContext } from "../../../runtime/context";
import type { Unsequenced } from "../../../runtime/events";
import { canModerate, mutate } from "../../../runtime/mutate";
import { readMeta, writeMeta, STAGEDOOR_ALARM } from "./store";
import {
  readMatrixConfig,
  readScreen,
  removedPeople,
  setRemoved,
  writeMatrixConfig,
  writeScreen,
  type MatrixScreen,
} from "./matrix-store";
import { knownPerson } from "../presence";
import { presentParticipants, showHere } from "./matrix-source";
import { serial, settled } from "../../../runtime/serial";

/**
 * The matrix's coordinator: the session whose output page shows the grid. A moderator sets who
 * may appear; the coordinator gathers who is present in the source sessions, keeps the ones who
 * opted in and match, and shows one page at a time, turning pages on its alarm. Each source
 * session admits its shown people to its own matrix call, where the output page receives them.
 */

/** How often an active matrix looks again for arrivals, departures and consent changes. */
const REFRESH_MS = 15_000;
/**
 * A source that does not answer within this long counts as failed for this look. Besides a slow
 * object, it guards against two sessions that coordinate matrices from each other waiting on
 * each other's serial queue.
 */
const SOURCE_TIMEOUT_MS = 10_000;

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${SOURCE_TIMEOUT_MS} ms`)), SOURCE_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer ?? null));
}

/**
 * A moderator's change to the matrix, in the room's serial order: applied as a mutation, then
 * the coordinator looks at its sources again at once.
 */
function thenRefresh(fc: FrameContext, apply: () => Promise<void> | void): Promise<void> {
  return serial(fc.room, async () => {
    await apply();
    await settled(fc.room);
    if (canModerate(fc.who.role)) await refreshMatrix(fc.room);
  });
}

export const onMatrixConfigure = (frame: MatrixConfigureFrame, fc: FrameContext) =>
  thenRefresh(fc, async () => {
    const checked = canModerate(fc.who.role) ? await checkSources(fc.room, frame) : done;
    mutate(fc, frame, () => (checked.ok ? configure(fc.room, frame) : checked), { moderator: true });
  });
export const onMatrixPage = (frame: MatrixPageFrame, fc: FrameContext) =>
  thenRefresh(fc, () => mutate(fc, frame, () => turnTo(fc.room, frame.page), { moderator: true }));
export const onMatrixRemove = (frame: MatrixRemoveFrame, fc: FrameContext) =>
  thenRefresh(fc, () => mutate(fc, frame, () => remove(fc.room, frame), { moderator: true }));

/** The source sessions must be sessions of this event. */
async function checkSources(room: RoomContext, frame: MatrixConfigureFrame): Promise<Outcome> {
  if (frame.source.kind === "here") return done;
  const eventId = await eventOf(room);
  const known = eventId
    ? await sessionsOfEvent(database(room.env.DB), eventId, frame.source.sessionIds)
    : new Set<string>();
  if (frame.source.sessionIds.some((id) => !known.has(id))) {
    return refuse("bad_frame", "Choose sessions of this event.", { field: "source.sessionIds" });
  }
  return done;
}

function configure(room: RoomContext, frame: MatrixConfigureFrame): Outcome {
  const { active, source, conditions, pageSize, rotateSeconds } = frame;
  writeMatrixConfig(room.sql, { active, source, conditions, pageSize, rotateSeconds });
  // The look at the sources that follows at once publishes the new state.
  writeScreen(room.sql, { ...readScreen(room.sql), page: 0, nextTurnAt: null });
  return done;
}

function turnTo(room: RoomContext, page: number | undefined): Outcome {
  const screen = readScreen(room.sql);
  // The refresh that follows shows the page (wrapping past the end) and restarts the rotation clock.
  writeScreen(room.sql, { ...screen, page: page ?? screen.page + 1, nextTurnAt: null });
  return done;
}

function remove(room: RoomContext, frame: MatrixRemoveFrame): Outcome {
  const name =
    readScreen(room.sql).tiles.find((t) => t.registrationId === frame.registrationId)?.name ??
    knownPerson(room.sql, frame.registrationId)?.name;
  if (frame.removed && !name) return refuse("not_found", "That person is not known here.");
  // The view says so at once (output pages drop the tile); the refresh right after stops the camera.
  setRemoved(room.sql, { registrationId: frame.registrationId, name: name ?? "" }, frame.removed, room.now());
  publishMatrix(room);
  return done;
}

/**
 * Looks again: who is present and consenting, which page is on screen, and tells each source
 * whom to show. `turn`: the rotation moves on to the next page. Runs in the room's serial order.
 */
export async function refreshMatrix(room: RoomContext, { turn = false } = {}): Promise<void> {
  const config = readMatrixConfig(room.sql);
  const screen = readScreen(room.sql);
  let candidates: MatrixTile[] = [];
  if (config.active) {
    const eventId = await eventOf(room);
    const [present, consented] = await Promise.all([
      gather(room, config.source),
      eventId ? consentedPeople(database(room.env.DB), eventId) : new Map(),
    ]);
    const removed = new Set(removedPeople(room.sql).map((p) => p.registrationId));
    candidates = selectMatrix({ present, consented, removed, conditions: config.conditions });
  }
  const next = pageOf(candidates, tilesPerPage(config.pageSize, maxTiles(room)), turn ? screen.page + 1 : screen.page);
  const shown = new Set<string>();
  const told: string[] = [];
  for (const [sessionId, ids] of sourceUpdates(toldSessions(room), next.tiles)) {
    try {
      const accepted =
        sessionId === room.sessionId
          ? await showHere(room, room.sessionId, ids)
          : await withTimeout(sessionRoom(room.env, sessionId).matrixShow(room.sessionId, ids));
      for (const id of accepted) shown.add(id);
      if (accepted.length > 0) told.push(sessionId);
    } catch (err) {
      // That session's people stay off this page, and it is told again next time.
      console.error(`session ${room.sessionId}: matrix source ${sessionId} did not answer`, err);
      told.push(sessionId);
    }
  }
  writeMeta(room.sql, "matrix_told", JSON.stringify(told));
  const now = room.now();
  const rotating = config.active && config.rotateSeconds > 0 && next.pages > 1;
  const nextTurnAt = !rotating
    ? null
    : turn || screen.nextTurnAt === null
      ? now + config.rotateSeconds * 1000
      : screen.nextTurnAt;
  const updated: MatrixScreen = {
    tiles: next.tiles.filter((t) => shown.has(t.registrationId)),
    page: next.page,
    pages: next.pages,
    total: candidates.length,
    nextTurnAt,
  };
  room.transaction(() => {
    writeScreen(room.sql, updated);
    publishMatrix(room);
  });
  if (config.active)
    room.alarms.schedule(STAGEDOOR_ALARM, Math.min(nextTurnAt ?? Infinity, now + REFRESH_MS), { keepEarlier: true });
}

/** Alarm step: turn the page when its time has come, and look again either way. */
export async function matrixAlarm(room: RoomContext): Promise<void> {
  const screen = readScreen(room.sql);
  if (!readMatrixConfig(room.sql).active && toldSessions(room).length === 0) return;
  await refreshMatrix(room, { turn: screen.nextTurnAt !== null && screen.nextTurnAt <= room.now() });
}

async function gather(room: RoomContext, source: MatrixView["config"]["source"]): Promise<MatrixTile[]> {
  if (source.kind === "here") return presentParticipants(room);
  const lists = await Promise.allSettled(
    source.sessionIds.map((id) =>
      id === room.sessionId
        ? Promise.resolve(presentParticipants(room))
        : withTimeout(sessionRoom(room.env, id).matrixPresent()),
    ),
  );
  return lists.flatMap((r) => (r.status === "fulfilled" ? r.value : []));
}

/** Sessions that may be showing someone for this matrix now. */
const toldSessions = (room: RoomContext): string[] => JSON.parse(readMeta(room.sql, "matrix_told") ?? "[]") as string[];

async function eventOf(room: RoomContext): Promise<string | null> {
  const cached = readMeta(room.sql, "event_id");
  if (cached) return cached;
  const eventId = await eventOfSession(database(room.env.DB), room.sessionId);
  if (eventId) writeMeta(room.sql, "event_id", eventId);
  return eventId;
}

const maxTiles = (room: RoomContext) => {
  const config = getConfig(room.env);
  return providerMaxTiles(config.media, config.meshMaxPeers);
};

export function matrixView(room: RoomContext): MatrixView {
  const screen = readScreen(room.sql);
  const removed = removedPeople(room.sql);
  const out = new Set(removed.map((p) => p.registrationId));
  return {
    config: readMatrixConfig(room.sql),
    // Someone a moderator removed is off the grid from this very event on, before their camera stops.
    tiles: screen.tiles.filter((t) => !out.has(t.registrationId)),
    page: screen.page,
    pages: screen.pages,
    total: screen.total,
    removed,
    maxTiles: maxTiles(room),
    nextTurnAt: screen.nextTurnAt,
  };
}

function publishMatrix(room: RoomContext): void {
  room.publish("staff", { type: "matrix/state", matrix: matrixView(room) } satisfies Unsequenced<MatrixStateEvent>);
}
