import { defineFeature } from "../../../runtime/feature";
import { chatSnapshot, onChatConfigure, onChatDelete, onChatMute, onChatSend } from "./handler";
import { chatMigrations, isMuted } from "./store";

/** The session's chat: messages, moderators' deletions and mutes, and the on/off switch. */
export const chat = defineFeature({
  name: "chat",
  frames: {
    "chat/send": onChatSend,
    "chat/delete": onChatDelete,
    "chat/mute": onChatMute,
    "chat/configure": onChatConfigure,
  },
  migrations: chatMigrations,
  snapshot: { chat: chatSnapshot },
  me: { chatMuted: (room, who) => isMuted(room.sql, who.registrationId) },
  audience: { "chat/message": "all", "chat/deleted": "all", "chat/configured": "all", "chat/muted": "staff" },
});
