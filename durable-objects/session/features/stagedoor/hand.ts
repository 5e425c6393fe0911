import { database } from "../../../../server/db/client";
import { techCheckOf } from "../../../../server/db/stagedoor";
import {
  isStaff,
  type HandEndReason,
  type HandEntry,
  type HandLowerFrame,
  type HandMineFrame,
  type HandModerateFrame,
  type HandRaiseFrame,
  type HandRemovedEvent,
  type HandTechCheck,
  type HandUpsertEvent,
  type MyHand,
} from "../../../../core/protocol";
import { decideModeration, decideRaise, liveGuests, myHand } from "./hand-rules";
import { done, type Outcome } from "../../../../core/rules/outcome";
import type { FrameContext, RoomContext } from "../../../runtime/context";
import type { Unsequenced } from "../../../runtime/events";
import { canModerate, mutate } from "../../../runtime/mutate";
import { allHands, deleteHand, getHand, insertHand, setLive, setTechCheck, setTopic, waitingCount } from "./store";
import { knownStreamRoom, sendGuests, stageDoor, syncGuests } from "./guests";
import { serial, settled } from "../../../runtime/serial";
import { queueOrder } from "../../../../core/rules/hand-queue";
import { recordActivity } from "../reports";

/**
 * Raise hand → stream room. Frames run one at a time per room (see runtime/serial.ts) because
 * some wait for D1 or the stream room first; each change is still a mutation applied once,
 * acknowledged only after its write. Moderator actions are checked before anything leaves the object.
 */
export const onHandRaise = (frame: HandRaiseFrame, fc: FrameContext) => serial(fc.room, () => raiseHand(frame, fc));
export const onHandLower = (frame: HandLowerFrame, fc: FrameContext) => serial(fc.room, () => lowerHand(frame, fc));
export const onHandModerate = (frame: HandModerateFrame, fc: FrameContext) =>
  serial(fc.room, () => moderateHand(frame, fc));

async function raiseHand(frame: HandRaiseFrame, fc: FrameContext): Promise<void> {
  const door = await stageDoor(fc.room);
  // Read before applying, so the queue shows the verdict on record from the first moment.
  const techCheck =
    door.streamRoomId && !isStaff(fc.who.role)
      ? await techCheckOf(database(fc.room.env.DB), fc.who.registrationId)
      : null;
  mutate(fc, frame, () => raise(frame, fc, door.streamRoomId !== null, techCheck));
}

async function lowerHand(frame: HandLowerFrame, fc: FrameContext): Promise<void> {
  const wasLive = getHand(fc.room.sql, fc.who.registrationId)?.status === "live";
  mutate(fc, frame, () => remove(fc.room, fc.who.registrationId, "lowered"));
  await settled(fc.room);
  if (wasLive && getHand(fc.room.sql, fc.who.registrationId) === undefined) await syncGuests(fc.room);
}

function raise(
  frame: HandRaiseFrame,
  { room, who }: FrameContext,
  hasStreamRoom: boolean,
  techCheck: HandTechCheck,
): Outcome<undefined> {
  const existing = getHand(room.sql, who.registrationId);
  const decision = decideRaise(existing, frame.topic, {
    staff: isStaff(who.role),
    hasStreamRoom,
    waiting: waitingCount(room.sql),
  });
  if (!decision.ok) return decision;
  if (decision.value.kind === "new") {
    insertHand(room.sql, {
      registrationId: who.registrationId,
      name: who.name,
      topic: decision.value.topic,
      raisedAt: room.now(),
    });
    recordActivity(room, who.registrationId, "hand");
  } else {
    setTopic(room.sql, who.registrationId, decision.value.topic);
  }
  setTechCheck(room.sql, who.registrationId, techCheck);
  publishHand(room, who.registrationId);
  tellPerson(room, who.registrationId);
  return done;
}

async function moderateHand(frame: HandModerateFrame, fc: FrameContext): Promise<void> {
  const { room, who } = fc;
  const target = frame.registrationId;
  // Only an approval by a moderator, of a hand that is waiting, may touch the stream room first.
  // Everything else (refusals, repeats, dismissals) goes straight to the mutation, which checks again.
  const approving =
    frame.action === "approve" &&
    canModerate(who.role) &&
    !room.mutations.applied(who.registrationId, frame.id) &&
    getHand(room.sql, target)?.status === "waiting";
  if (approving) {
    const door = await stageDoor(room);
    // The room must know its new guest before the guest is told to come in.
    const delivered =
      door.streamRoomId !== null && (await sendGuests(room, [...liveGuests(allHands(room.sql)), target].sort()));
    if (!delivered) {
      return mutate(
        fc,
        frame,
        () => ({ ok: false, code: "internal", message: "The stream room could not be reached. Try again." }),
        { moderator: true },
      );
    }
  }
  const before = getHand(room.sql, target)?.status;
  mutate(fc, frame, () => applyModeration(room, frame), { moderator: true });
  await settled(room);
  const after = getHand(room.sql, target)?.status;
  // The room's list must match the queue again: someone left the studio, or an approval
  // was refused after the room had already been told.
  if ((before === "live" && after !== "live") || (approving && after !== "live")) await syncGuests(room);
}

function applyModeration(room: RoomContext, frame: HandModerateFrame): Outcome<undefined> {
  const hand = getHand(room.sql, frame.registrationId);
  const decision = decideModeration(hand, frame.action);
  if (!decision.ok) return decision;
  if (decision.value === "live") {
    const streamRoomId = knownStreamRoom(room);
    if (!streamRoomId) return { ok: false, code: "closed", message: "This stage has no stream room." };
    setLive(room.sql, frame.registrationId, room.now());
    publishHand(room, frame.registrationId);
    tellPerson(room, frame.registrationId);
    tellQueue(room);
    return done;
  }
  return remove(room, frame.registrationId, frame.action === "dismiss" ? "dismissed" : "ended");
}

/** Takes a hand out of the queue (or the person out of the studio) and tells everyone concerned. */
function remove(room: RoomContext, registrationId: string, reason: HandEndReason): Outcome<undefined> {
  const hand = getHand(room.sql, registrationId);
  // Lowering a hand that is not raised changes nothing and is not an error (two tabs can race).
  if (!hand) return done;
  deleteHand(room.sql, registrationId);
  room.publish("staff", { type: "hand/removed", registrationId } satisfies Unsequenced<HandRemovedEvent>);
  sendMine(room, registrationId, { status: "none", reason });
  if (hand.status === "waiting") tellQueue(room);
  return done;
}

function publishHand(room: RoomContext, registrationId: string): void {
  const hand = getHand(room.sql, registrationId);
  if (hand) room.publish("staff", { type: "hand/upsert", hand } satisfies Unsequenced<HandUpsertEvent>);
}

const sendMine = (room: RoomContext, registrationId: string, hand: MyHand) =>
  room.sendToPerson(registrationId, { type: "hand/mine", hand } satisfies HandMineFrame);

function tellPerson(room: RoomContext, registrationId: string): void {
  sendMine(room, registrationId, myHand(allHands(room.sql), registrationId, knownStreamRoom(room)));
}

/** Everyone still waiting learns their (new) place; the queue is small, so all of them are told. */
function tellQueue(room: RoomContext): void {
  const hands = allHands(room.sql);
  const streamRoomId = knownStreamRoom(room);
  for (const h of queueOrder(hands)) sendMine(room, h.registrationId, myHand(hands, h.registrationId, streamRoomId));
}

/** Staff see the whole queue (waiting and live); participants see only their own hand, in `me`. */
export const handSnapshot = (room: RoomContext): HandEntry[] => allHands(room.sql);

export const myHandState = (room: RoomContext, registrationId: string): MyHand =>
  myHand(allHands(room.sql), registrationId, knownStreamRoom(room));
