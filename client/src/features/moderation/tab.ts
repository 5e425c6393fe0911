import { lazy } from "solid-js";
import { t } from "../../i18n";
import { defineTab } from "../session/tab";

/** The moderator's controls, on the control desk. Loaded only for moderators: participants never download them. */
export const moderationTab = defineTab({
  key: "moderate",
  label: () => t("session.tab.moderate"),
  available: (_state, role) => role === "moderator",
  Panel: lazy(() => import("./ModeratorPanel")),
});
