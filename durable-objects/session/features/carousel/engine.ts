import type { CarouselWaitReason } from "../../../../core/protocol";
import { newId } from "../../../../server/ids";
import { canPairMidRound, clockStep, GRACE_MS, nextWake, waitingReason, type CarouselClock } from "./rules";
import { pairRound, type AttributeValue } from "./pairing";
import { replaceCallMembers } from "../../../features/rtc/store";
import { readAttachment } from "../../../runtime/attachment";
import type { RoomContext } from "../../../runtime/context";
import {
  awayInGroups,
  closeGroup,
  dueGroups,
  everyMemberOf,
  groupById,
  insertGroup,
  markLeft,
  membersOf,
  metAmong,
  nextGroupEnd,
  personById,
  readClock,
  readConfig,
  setAway,
  setReason,
  waitingPeople,
  writeClock,
} from "./store";
import { tellContacts, tellPeople } from "./views";
import { closeCalls, endMeeting } from "../../../features/rtc/calls";
import { report } from "../reports";

/**
 * What a carousel change touched, collected while it runs inside its transaction and sent once it
 * is written: each touched person's own view, new meetings' contact lists, the calls to close
 * (and end at the provider), and the shared view (counts, clock) on the next tick.
 */
/** The carousel's named alarm (a stored name: never rename it). */
export const CAROUSEL_ALARM = "carousel";
/** The tick that sends the shared view (clock and counts). */
export const CAROUSEL_TICK = "carousel";

export interface Changes {
  touched: Set<string>;
  contacts: Set<string>;
  endedCalls: string[];
  state: boolean;
}

export const newChanges = (): Changes => ({ touched: new Set(), contacts: new Set(), endedCalls: [], state: false });

export function publish(room: RoomContext, ch: Changes): void {
  // Ended groups' calls close in one pass over the sockets: a round's end ends thousands of them.
  closeCalls(room, new Set(ch.endedCalls));
  scheduleCarousel(room);
  tellPeople(room, ch.touched);
  tellContacts(room, ch.contacts);
  for (const call of ch.endedCalls) void endMeeting(room, call);
  if (ch.state || ch.touched.size > 0) room.ticker.mark(CAROUSEL_TICK, "state", { durable: false });
}

/** One alarm for the whole carousel: the clock, the earliest group end, the earliest grace to run out. */
export function scheduleCarousel(room: RoomContext): void {
  const graces = awayInGroups(room.sql).map((a) => a.since + GRACE_MS);
  const next = nextWake(readClock(room.sql), [nextGroupEnd(room.sql), ...graces]);
  if (next === null) room.alarms.cancel(CAROUSEL_ALARM);
  else room.alarms.schedule(CAROUSEL_ALARM, next);
}

/** People with an open, greeted socket in this session right now. */
function reachable(room: RoomContext): Set<string> {
  const ids = new Set<string>();
  for (const ws of room.sockets()) {
    if (ws.readyState !== WebSocket.OPEN) continue;
    const a = readAttachment(ws);
    // An output page keeps no one reachable: the person may have closed their own tab.
    if (a.ready && !a.output) ids.add(a.registrationId);
  }
  return ids;
}

/**
 * Pairs whoever is waiting. At a round's start everyone waiting and reachable is paired (trios for
 * an odd one out), and whoever is left is told why; mid-round only while enough of the round is
 * left, and those left keep the reason they have ("your partner left", "next round").
 */
export function pairWaiting(
  room: RoomContext,
  clock: CarouselClock,
  now: number,
  ch: Changes,
  roundStart: boolean,
): void {
  if (clock.phase !== "round" || clock.endsAt === null) return;
  if (!roundStart && !canPairMidRound(clock, now)) return;
  const waiting = waitingPeople(room.sql);
  let pool = waiting.filter((p) => p.away_since === null);
  if (roundStart) {
    // A connection can vanish without a close (a restart): only people who are here now are paired.
    const here = reachable(room);
    for (const p of pool) {
      if (here.has(p.registration_id)) continue;
      setAway(room.sql, p.registration_id, now);
      ch.state = true;
    }
    pool = pool.filter((p) => here.has(p.registration_id));
    setReason(
      room.sql,
      waiting.filter((p) => !pool.includes(p)).map((p) => p.registration_id),
      waitingReason(clock),
    );
  }
  if (pool.length < 2 && !roundStart) return;
  const ids = pool.map((p) => p.registration_id);
  const result = pairRound({
    waiting: pool.map((p) => ({
      id: p.registration_id,
      attributes: JSON.parse(p.attributes) as Record<string, AttributeValue>,
    })),
    met: metAmong(room.sql, ids),
    rules: readConfig(room.sql).rules,
    random: Math.random,
  });
  for (const members of result.groups) {
    const id = newId("grp");
    insertGroup(room.sql, id, clock.round, members, now, clock.endsAt);
    // The group's call is named after it; only its members get in.
    replaceCallMembers(room, id, members);
    reportMeeting(room, id);
    for (const m of members) {
      ch.touched.add(m);
      ch.contacts.add(m);
    }
  }
  if (roundStart) {
    for (const w of result.waiting) {
      setReason(room.sql, [w.id], w.reason);
      ch.touched.add(w.id);
    }
  }
  ch.state = true;
}

/** A group is over (its time is up, the carousel stopped, or too few are left): its call closes. */
export function endGroup(
  room: RoomContext,
  groupId: string,
  now: number,
  reason: CarouselWaitReason,
  ch: Changes,
): void {
  for (const m of membersOf(room.sql, groupId)) ch.touched.add(m.id);
  closeGroup(room.sql, groupId, now, reason);
  reportMeeting(room, groupId);
  replaceCallMembers(room, groupId, []);
  ch.endedCalls.push(groupId);
  ch.state = true;
}

/**
 * The group as a meeting for the engagement report, queued in the transaction that started or
 * ended it: it reaches D1 once the change is written, under the group's id, so it counts once.
 */
function reportMeeting(room: RoomContext, groupId: string): void {
  const group = groupById(room.sql, groupId);
  if (!group) return;
  report(room, {
    kind: "meeting",
    meetingId: group.id,
    type: "carousel",
    people: everyMemberOf(room.sql, group.id),
    round: group.round,
    startedAt: group.started_at,
    endedAt: group.ended_at,
  });
}

/** Takes a person out of their group; a partner left alone is freed ("your partner left"). */
export function leaveGroup(room: RoomContext, id: string, now: number, ch: Changes): void {
  const groupId = personById(room.sql, id)?.group_id;
  if (!groupId) return;
  markLeft(room.sql, groupId, id, now);
  ch.touched.add(id);
  ch.state = true;
  const rest = membersOf(room.sql, groupId);
  for (const m of rest) ch.touched.add(m.id);
  if (rest.length >= 2)
    replaceCallMembers(
      room,
      groupId,
      rest.map((m) => m.id),
    );
  else endGroup(room, groupId, now, "partner_left", ch);
}

/**
 * The carousel's alarm: dropped people whose grace ran out free their partners, groups whose time
 * is up end, the shared clock moves on (a new round pairs everyone waiting), and whoever is free
 * mid-round is paired. Each run does what is due and sets the alarm for what comes next.
 */
export function runCarouselAlarm(room: RoomContext): void {
  const ch = newChanges();
  const now = room.now();
  room.transaction(() => {
    let clock = readClock(room.sql);
    for (const away of awayInGroups(room.sql)) if (away.since + GRACE_MS <= now) leaveGroup(room, away.id, now, ch);
    for (const group of dueGroups(room.sql, now)) endGroup(room, group.id, now, waitingReason(clock), ch);
    const next = clockStep(clock, readConfig(room.sql), now);
    if (next) {
      clock = next;
      writeClock(room.sql, clock);
      ch.state = true;
      if (clock.phase === "break") {
        const waiting = waitingPeople(room.sql).map((p) => p.registration_id);
        setReason(room.sql, waiting, "break");
        for (const id of waiting) ch.touched.add(id);
      } else {
        pairWaiting(room, clock, now, ch, true);
      }
    } else {
      pairWaiting(room, clock, now, ch, false);
    }
  });
  publish(room, ch);
}
