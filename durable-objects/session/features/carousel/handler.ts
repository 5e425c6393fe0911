import type {
  CarouselConfigureFrame,
  CarouselExtendFrame,
  CarouselJoinFrame,
  CarouselLeaveFrame,
  CarouselSaveContactFrame,
  CarouselStartFrame,
  CarouselStopFrame,
  CarouselSubscribeFrame,
} from "../../../../core/protocol";
import { database } from "../../../../server/db/client";
import { loadProfiles, type Profile } from "../../../../server/networking";
import { decideExtend, startClock, stopClock, waitingReason } from "./rules";
import { ok, refuse, type Outcome } from "../../../../core/rules/outcome";
import type { FrameContext, RoomContext } from "../../../runtime/context";
import { mutate } from "../../../runtime/mutate";
import { send } from "../../../runtime/send";
import {
  groupById,
  hasSaved,
  haveMet,
  membersOf,
  openGroups,
  personById,
  readClock,
  readConfig,
  saveContact,
  saveExtend,
  setAway,
  setInactive,
  setReason,
  upsertJoined,
  waitingPeople,
  writeClock,
  writeConfig,
} from "./store";
import { endGroup, leaveGroup, newChanges, pairWaiting, publish, type Changes } from "./engine";
import { contactsFrame, stateFrame, tellPeople } from "./views";
import { report } from "../reports";

/** Runs a carousel change in the mutation's transaction, then sends what it touched. */
function change(
  room: RoomContext,
  run: (ch: Changes, now: number) => Outcome<string | undefined>,
): Outcome<string | undefined> {
  const ch = newChanges();
  const outcome = run(ch, room.now());
  if (outcome.ok) publish(room, ch);
  return outcome;
}

const moderator = { moderator: true };

/** A person opens the carousel page: the shared view, their contacts and their own view. */
export function onCarouselSubscribe(_frame: CarouselSubscribeFrame, { room, ws, who }: FrameContext): void {
  send(ws, stateFrame(room));
  send(ws, contactsFrame(room, who.registrationId));
  tellPeople(room, [who.registrationId]);
}

export async function onCarouselJoin(frame: CarouselJoinFrame, fc: FrameContext): Promise<void> {
  const { room, who } = fc;
  const me = who.registrationId;
  // Name, organisation and attributes (for the matching rules) as the registration has them now.
  const profile = (await loadProfiles(database(room.env.DB), [me])).get(me);
  return mutate(fc, frame, () => change(room, (ch, now) => join(room, profile, ch, now)));
}

export const onCarouselLeave = (frame: CarouselLeaveFrame, fc: FrameContext) =>
  mutate(fc, frame, () => change(fc.room, (ch, now) => leave(fc.room, fc.who.registrationId, ch, now)));
export const onCarouselExtend = (frame: CarouselExtendFrame, fc: FrameContext) =>
  mutate(fc, frame, () => change(fc.room, (ch, now) => extend(fc.room, frame, fc.who.registrationId, ch, now)));
export const onCarouselSaveContact = (frame: CarouselSaveContactFrame, fc: FrameContext) =>
  mutate(fc, frame, () => saveFor(fc.room, frame, fc.who.registrationId));
export const onCarouselStart = (frame: CarouselStartFrame, fc: FrameContext) =>
  mutate(fc, frame, () => change(fc.room, (ch, now) => start(fc.room, ch, now)), moderator);
export const onCarouselStop = (frame: CarouselStopFrame, fc: FrameContext) =>
  mutate(fc, frame, () => change(fc.room, (ch, now) => stop(fc.room, ch, now)), moderator);
export const onCarouselConfigure = (frame: CarouselConfigureFrame, fc: FrameContext) =>
  mutate(fc, frame, () => change(fc.room, (ch) => configure(fc.room, frame, ch)), moderator);

function join(room: RoomContext, profile: Profile | undefined, ch: Changes, now: number): Outcome {
  if (!profile) return refuse("not_found", "Your registration was not found.");
  const clock = readClock(room.sql);
  upsertJoined(room.sql, profile, waitingReason(clock), now);
  ch.touched.add(profile.registrationId);
  ch.state = true;
  pairWaiting(room, clock, now, ch, false);
  return ok(undefined);
}

function leave(room: RoomContext, me: string, ch: Changes, now: number): Outcome {
  if (!personById(room.sql, me)?.active) return ok(undefined);
  leaveGroup(room, me, now, ch);
  setInactive(room.sql, me);
  ch.touched.add(me);
  ch.state = true;
  // The partner this freed may find someone else who is free.
  pairWaiting(room, readClock(room.sql), now, ch, false);
  return ok(undefined);
}

function extend(room: RoomContext, frame: CarouselExtendFrame, me: string, ch: Changes, now: number): Outcome {
  const group = groupById(room.sql, frame.groupId);
  const members = group ? membersOf(room.sql, group.id) : [];
  const decision = decideExtend(
    group && {
      members: members.map((m) => m.id),
      votes: new Set(members.filter((m) => m.extend).map((m) => m.id)),
      extensions: group.extensions,
      endsAt: group.ends_at,
      ended: group.ended_at !== null,
    },
    me,
    frame.want,
    now,
  );
  if (!decision.ok) return decision;
  saveExtend(room.sql, group!.id, decision.value.votes, decision.value.endsAt, decision.value.extensions);
  for (const m of members) ch.touched.add(m.id);
  return ok(undefined);
}

function saveFor(room: RoomContext, frame: CarouselSaveContactFrame, me: string): Outcome {
  const them = frame.registrationId;
  if (them === me || !haveMet(room.sql, me, them))
    return refuse("not_found", "You have not met this person in this carousel.", { field: "registrationId" });
  if (hasSaved(room.sql, me, them)) return ok(undefined);
  const now = room.now();
  saveContact(room.sql, me, them, now);
  const mutual = hasSaved(room.sql, them, me);
  // Contact details leave the carousel only now that both agreed: to D1, where /api/me/contacts reads them.
  if (mutual) report(room, { kind: "contact", a: me, b: them, at: now });
  room.sendToPerson(me, contactsFrame(room, me));
  if (mutual) room.sendToPerson(them, contactsFrame(room, them));
  return ok(undefined);
}

function start(room: RoomContext, ch: Changes, now: number): Outcome {
  const clock = startClock(readClock(room.sql), readConfig(room.sql), now);
  if (!clock.ok) return clock;
  writeClock(room.sql, clock.value);
  ch.state = true;
  pairWaiting(room, clock.value, now, ch, true);
  return ok(undefined);
}

function stop(room: RoomContext, ch: Changes, now: number): Outcome {
  const clock = stopClock(readClock(room.sql));
  if (!clock.ok) return clock;
  const reason = waitingReason(clock.value);
  for (const group of openGroups(room.sql)) endGroup(room, group.id, now, reason, ch);
  writeClock(room.sql, clock.value);
  const waiting = waitingPeople(room.sql).map((p) => p.registration_id);
  setReason(room.sql, waiting, reason);
  for (const id of waiting) ch.touched.add(id);
  ch.state = true;
  return ok(undefined);
}

function configure(room: RoomContext, frame: CarouselConfigureFrame, ch: Changes): Outcome {
  writeConfig(room.sql, { roundMinutes: frame.roundMinutes, breakSeconds: frame.breakSeconds, rules: frame.rules });
  ch.state = true;
  return ok(undefined);
}

/**
 * After the handshake in a carousel session: a person coming back is no longer away (and may be
 * paired at once if it is mid-round), then their views follow.
 */
export function onCarouselHello({ room, ws, who }: FrameContext): void {
  const ch = newChanges();
  const me = who.registrationId;
  room.transaction(() => {
    const person = personById(room.sql, me);
    if (!person?.active || person.away_since === null) return;
    setAway(room.sql, me, null);
    ch.state = true;
    for (const m of person.group_id ? membersOf(room.sql, person.group_id) : []) ch.touched.add(m.id);
    if (!person.group_id) pairWaiting(room, readClock(room.sql), room.now(), ch, false);
  });
  ch.touched.add(me);
  send(ws, stateFrame(room));
  send(ws, contactsFrame(room, me));
  publish(room, ch);
}

/** A person's last socket here closed: they are away; if they do not return within the grace, their partner is freed. */
export function onCarouselSocketClosed(room: RoomContext, ws: WebSocket, registrationId: string): void {
  const stillHere = room.sockets(`r:${registrationId}`).some((s) => s !== ws && s.readyState === WebSocket.OPEN);
  if (stillHere) return;
  const person = personById(room.sql, registrationId);
  if (!person?.active || person.away_since !== null) return;
  const ch = newChanges();
  room.transaction(() => setAway(room.sql, registrationId, room.now()));
  ch.state = true;
  publish(room, ch);
}
