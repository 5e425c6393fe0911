import * as v from "valibot";
import { EntityId, MutationId, Text, type PersonRef, type Sequenced } from "./common";
import { Limits } from "./limits";
import type { WireFrame } from "./wire";

export const ChatSendFrame = v.strictObject({
  type: v.literal("chat/send"),
  id: MutationId,
  text: Text(Limits.chatChars),
});
export type ChatSendFrame = v.InferOutput<typeof ChatSendFrame>;

/** Moderator: remove a message for everyone. */
export const ChatDeleteFrame = v.strictObject({
  type: v.literal("chat/delete"),
  id: MutationId,
  messageId: EntityId,
});
export type ChatDeleteFrame = v.InferOutput<typeof ChatDeleteFrame>;

/** Moderator: stop (or let again) a person from writing in this session's chat. */
export const ChatMuteFrame = v.strictObject({
  type: v.literal("chat/mute"),
  id: MutationId,
  registrationId: EntityId,
  muted: v.boolean(),
});
export type ChatMuteFrame = v.InferOutput<typeof ChatMuteFrame>;

/** Moderator: turn the chat on or off for this session. */
export const ChatConfigureFrame = v.strictObject({
  type: v.literal("chat/configure"),
  id: MutationId,
  enabled: v.boolean(),
});
export type ChatConfigureFrame = v.InferOutput<typeof ChatConfigureFrame>;

export const ChatFrames = [ChatSendFrame, ChatDeleteFrame, ChatMuteFrame, ChatConfigureFrame] as const;
export type ChatFrame = ChatSendFrame | ChatDeleteFrame | ChatMuteFrame | ChatConfigureFrame;

export interface ChatMessage {
  id: string;
  authorId: string;
  authorName: string;
  /** Plain text: clients render it as text, never as HTML. */
  text: string;
  at: number;
  /** The author is staff (shown with a badge so people can tell the moderator apart). */
  staff: boolean;
}

export type ChatMessageEvent = Sequenced<"chat/message", { message: ChatMessage }>;
export type ChatDeletedEvent = Sequenced<"chat/deleted", { messageId: string }>;
export type ChatConfiguredEvent = Sequenced<"chat/configured", { enabled: boolean }>;
/** Staff only: the list of muted people changed. */
export type ChatMutedEvent = Sequenced<"chat/muted", { person: PersonRef; muted: boolean }>;
export type ChatEvent = ChatMessageEvent | ChatDeletedEvent | ChatConfiguredEvent | ChatMutedEvent;

/** Personal: sent to the muted person's own sockets so the page can say why sending stopped. */
export type ChatMuteStateFrame = WireFrame<"chat/mute-state", { muted: boolean }>;

export interface ChatSnapshot {
  enabled: boolean;
  /** The newest messages, oldest first. */
  messages: ChatMessage[];
  /** Staff only. */
  muted?: PersonRef[];
}
