import { lazy } from "solid-js";
import { t } from "../../i18n";
import { defineTab } from "../session/tab";

/**
 * The stage door (raise-hand queue, studio, matrix, outputs), on the control desk, for moderators
 * and producers; its label counts the hands waiting. Loaded only for staff.
 */
export const stagedoorTab = defineTab({
  key: "stagedoor",
  label: (state) => {
    const waiting = state.hands.filter((h) => h.status === "waiting").length;
    return waiting > 0 ? t("session.tab.stagedoorWaiting", { count: waiting }) : t("session.tab.stagedoor");
  },
  available: (_state, role) => role === "moderator" || role === "producer",
  Panel: lazy(() => import("./StageDoorPanel")),
});
