import type { ChatMessage, PersonRef } from "../../../../core/protocol";
import { defineSlice } from "../session/slice";
import { mergeById } from "../session/upsert";

/** Messages the page keeps; older ones scroll out (the server keeps them all). */
export const CHAT_KEEP = 200;

export const chat = defineSlice({
  feature: "chat",
  empty: () => ({ chat: { enabled: true, messages: [] as ChatMessage[], muted: [] as PersonRef[] } }),
  mine: () => ({ chatMuted: false }),
  snapshot(s, snap) {
    // A snapshot after a reconnect describes mostly what the page already shows: items it already
    // has are updated in place, so their views (and whatever a person was typing in them) stay.
    s.chat = {
      enabled: snap.chat.enabled,
      messages: mergeById(s.chat.messages, snap.chat.messages.slice(-CHAT_KEEP)),
      muted: snap.chat.muted ?? [],
    };
  },
  events: {
    "chat/message"(s, e) {
      if (s.chat.messages.some((m) => m.id === e.message.id)) return;
      s.chat.messages = [...s.chat.messages, e.message].slice(-CHAT_KEEP);
    },
    "chat/deleted"(s, e) {
      s.chat.messages = s.chat.messages.filter((m) => m.id !== e.messageId);
    },
    "chat/configured"(s, e) {
      s.chat.enabled = e.enabled;
    },
    "chat/muted"(s, e) {
      s.chat.muted = e.muted
        ? [...s.chat.muted.filter((p) => p.registrationId !== e.person.registrationId), e.person]
        : s.chat.muted.filter((p) => p.registrationId !== e.person.registrationId);
    },
  },
  frames: {
    "chat/mute-state"(s, f) {
      s.me.chatMuted = f.muted;
    },
  },
});
