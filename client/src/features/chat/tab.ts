import { t } from "../../i18n";
import { defineTab } from "../session/tab";
import { ChatPanel } from "./ChatPanel";

/** The chat: there while it is switched on, and always for moderators (who switch it). */
export const chatTab = defineTab({
  key: "chat",
  label: () => t("session.tab.chat"),
  available: (state, role) => state.chat.enabled || role === "moderator",
  Panel: ChatPanel,
});
