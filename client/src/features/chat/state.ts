import type { ChatEvent } from "../../../../core/protocol";
import { CHAT_KEEP, type SessionState } from "../session/state";

export function applyChat(s: SessionState, e: ChatEvent): void {
  switch (e.type) {
    case "chat/message":
      if (s.chat.messages.some((m) => m.id === e.message.id)) return;
      s.chat.messages = [...s.chat.messages, e.message].slice(-CHAT_KEEP);
      return;
    case "chat/deleted":
      s.chat.messages = s.chat.messages.filter((m) => m.id !== e.messageId);
      return;
    case "chat/configured":
      s.chat.enabled = e.enabled;
      return;
    case "chat/muted":
      s.chat.muted = e.muted
        ? [...s.chat.muted.filter((p) => p.registrationId !== e.person.registrationId), e.person]
        : s.chat.muted.filter((p) => p.registrationId !== e.person.registrationId);
      return;
    default:
      return e satisfies never;
  }
}
