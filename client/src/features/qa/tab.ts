import { t } from "../../i18n";
import { defineTab } from "../session/tab";
import { QaPanel } from "./QaPanel";

/** Q&A: there while it is switched on, and always for moderators (who switch it). */
export const qaTab = defineTab({
  key: "qa",
  label: () => t("session.tab.qa"),
  available: (state, role) => state.qa.enabled || role === "moderator",
  Panel: QaPanel,
});
