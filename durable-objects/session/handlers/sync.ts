import { isStaff, type MyState, type PresenceCountFrame, type SessionSnapshot, type SnapshotFrame } from "../../../core/protocol";
import type { SocketAttachment } from "../../runtime/attachment";
import type { RoomContext } from "../../runtime/context";
import { isMuted } from "../store/chat";
import { votesBy } from "../store/poll";
import { askedBy, upvotedBy } from "../store/qa";
import { readSettings } from "../store/settings";
import { blockedWords, wordsBy } from "../store/wordcloud";
import { chatSnapshot } from "./chat";
import { navSnapshot } from "./nav";
import { pollSnapshot } from "./poll";
import { qaSnapshot } from "./qa";
import { myStandings, quizSnapshot } from "./quiz-views";
import { cloudSnapshot } from "./wordcloud";
import { handSnapshot, myHandState } from "./hand";
import { matrixView } from "./matrix";
import { myMatrix } from "./matrix-source";

export function buildSnapshot(room: RoomContext, staff: boolean): SessionSnapshot {
  return {
    presence: { count: room.presence.count(), ...(staff ? { people: room.presence.list() } : {}) },
    chat: chatSnapshot(room, staff),
    qa: qaSnapshot(room, staff),
    reactions: { enabled: readSettings(room.sql).reactionsEnabled },
    polls: pollSnapshot(room, staff),
    quizzes: quizSnapshot(room, staff),
    wordclouds: cloudSnapshot(room, staff),
    nav: navSnapshot(room),
    ...(staff ? { blockedWords: blockedWords(room.sql), hands: handSnapshot(room), matrix: matrixView(room) } : {}),
  };
}

/**
 * The snapshot for staff or for participants at the current event number, serialised once:
 * when a crowd reconnects at the same moment, thousands of sockets get the same string. Between
 * two events only counts can move (tallies, presence), and those follow as their own updates.
 */
const cache = new WeakMap<RoomContext, Map<string, string>>();

export function snapshotJson(room: RoomContext, staff: boolean): string {
  let byKey = cache.get(room);
  if (!byKey) cache.set(room, (byKey = new Map()));
  const seq = room.seq();
  const key = `${staff ? "staff" : "participants"}:${seq}`;
  let json = byKey.get(key);
  if (json === undefined) {
    json = JSON.stringify({ type: "snapshot", seq, state: buildSnapshot(room, staff) } satisfies SnapshotFrame);
    // Keep only the current event number's snapshots.
    for (const k of byKey.keys()) if (!k.endsWith(`:${seq}`)) byKey.delete(k);
    byKey.set(key, json);
  }
  return json;
}

export function myState(room: RoomContext, who: SocketAttachment): MyState {
  const id = who.registrationId;
  return {
    chatMuted: isMuted(room.sql, id),
    qa: { upvoted: upvotedBy(room.sql, id), asked: askedBy(room.sql, id) },
    polls: votesBy(room.sql, id),
    quizzes: myStandings(room, id, isStaff(who.role)),
    words: wordsBy(room.sql, id),
    hand: myHandState(room, id),
    matrix: myMatrix(room, id),
  };
}

export const presenceCount = (room: RoomContext): PresenceCountFrame => ({ type: "presence/count", count: room.presence.count() });

