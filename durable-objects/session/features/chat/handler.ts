import {
  isStaff,
  Limits,
  type ChatConfiguredEvent,
  type ChatDeletedEvent,
  type ChatDeleteFrame,
  type ChatConfigureFrame,
  type ChatMessage,
  type ChatMessageEvent,
  type ChatMutedEvent,
  type ChatMuteFrame,
  type ChatSendFrame,
  type ChatSnapshot,
} from "../../../../core/protocol";
import { decideMute, decideSend } from "./rules";
import { ok, refuse, type Outcome } from "../../../../core/rules/outcome";
import type { FrameContext, RoomContext } from "../../../runtime/context";
import type { Unsequenced } from "../../../runtime/events";
import { mutate } from "../../../runtime/mutate";
import { knownPerson } from "../presence";
import { readSettings, writeSettings } from "../../settings";
import { deleteMessage, insertMessage, isMuted, mutedPeople, recentMessages, setMuted } from "./store";
import { newId } from "../../../../server/ids";
import { recordActivity } from "../reports";

/** Moderator: turn the chat on or off for this session. */
export function onChatConfigure(frame: ChatConfigureFrame, fc: FrameContext): void {
  mutate(
    fc,
    frame,
    () => {
      writeSettings(fc.room.sql, { chatEnabled: frame.enabled });
      fc.room.publish("all", {
        type: "chat/configured",
        enabled: frame.enabled,
      } satisfies Unsequenced<ChatConfiguredEvent>);
      return ok(undefined);
    },
    { moderator: true },
  );
}

export const onChatSend = (frame: ChatSendFrame, fc: FrameContext) => mutate(fc, frame, () => sendMessage(frame, fc));
export const onChatDelete = (frame: ChatDeleteFrame, fc: FrameContext) =>
  mutate(fc, frame, () => removeMessage(frame, fc), { moderator: true });
export const onChatMute = (frame: ChatMuteFrame, fc: FrameContext) =>
  mutate(fc, frame, () => mute(frame, fc), { moderator: true });

function sendMessage(frame: ChatSendFrame, { room, who }: FrameContext): Outcome<string> {
  const now = room.now();
  const bucketKey = `c:${who.registrationId}`;
  const decision = decideSend(
    {
      enabled: readSettings(room.sql).chatEnabled,
      muted: isMuted(room.sql, who.registrationId),
      staff: isStaff(who.role),
      bucket: room.limiter.get(bucketKey),
    },
    frame.text,
    now,
  );
  if (!decision.ok) return decision;
  room.limiter.set(bucketKey, decision.value.bucket);
  const message: ChatMessage = {
    id: newId("msg"),
    authorId: who.registrationId,
    authorName: who.name,
    text: decision.value.text,
    at: now,
    staff: isStaff(who.role),
  };
  insertMessage(room.sql, message);
  recordActivity(room, who.registrationId, "chat");
  room.publish("all", { type: "chat/message", message } satisfies Unsequenced<ChatMessageEvent>);
  return ok(message.id);
}

function removeMessage(frame: ChatDeleteFrame, { room }: FrameContext): Outcome {
  if (!deleteMessage(room.sql, frame.messageId, room.now()))
    return refuse("not_found", "That message does not exist or was already deleted.");
  room.publish("all", { type: "chat/deleted", messageId: frame.messageId } satisfies Unsequenced<ChatDeletedEvent>);
  return ok(undefined);
}

function mute(frame: ChatMuteFrame, { room }: FrameContext): Outcome {
  const target = knownPerson(room.sql, frame.registrationId);
  const allowed = decideMute({ exists: target !== undefined, staff: target !== undefined && isStaff(target.role) });
  if (!allowed.ok) return allowed;
  const person = { registrationId: frame.registrationId, name: target!.name };
  if (!setMuted(room.sql, person, frame.muted, room.now())) return ok(undefined);
  room.publish("staff", { type: "chat/muted", person, muted: frame.muted } satisfies Unsequenced<ChatMutedEvent>);
  // Told directly (and again in `me` on every reconnect), so the page can explain why sending stopped.
  room.sendToPerson(frame.registrationId, { type: "chat/mute-state", muted: frame.muted });
  return ok(undefined);
}

export function chatSnapshot(room: RoomContext, staff: boolean): ChatSnapshot {
  return {
    enabled: readSettings(room.sql).chatEnabled,
    messages: recentMessages(room.sql, Limits.chatHistory),
    ...(staff ? { muted: mutedPeople(room.sql) } : {}),
  };
}
