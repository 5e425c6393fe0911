import { createMemo, createSignal, lazy, Show, Suspense } from "solid-js";
import { t } from "../../i18n";
import type { LiveSession } from "./live";
import { TabPanels, Tabs, type TabItem } from "./Tabs";

// Moderator controls load only for moderators: participants never download them.
const ModeratorPanel = lazy(() => import("../moderation/ModeratorPanel"));
// The stage door (raise-hand queue, studio, matrix, outputs) loads only for staff.
const StageDoorPanel = lazy(() => import("../hand/StageDoorPanel"));

type DeskKey = "moderate" | "stagedoor";

/**
 * The staff's own controls for this session: Moderate (moderators) and Stage door (moderators
 * and producers). A region of its own next to the media and the audience's tabs, not two more
 * tabs squeezed among them, so a moderator keeps the chat in view while running a poll and the
 * forms get the width they need. Participants get nothing here.
 */
export function ControlDesk(props: { live: LiveSession }) {
  const state = () => props.live.state;
  const role = () => state().you?.role;
  const available = createMemo<DeskKey[]>(() => [
    ...(role() === "moderator" ? (["moderate"] as const) : []),
    ...(role() === "moderator" || role() === "producer" ? (["stagedoor"] as const) : []),
  ]);
  const [chosen, setChosen] = createSignal<DeskKey>("moderate");
  const selected = () => (available().includes(chosen()) ? chosen() : (available()[0] ?? "moderate"));
  const labels: Record<DeskKey, () => string> = {
    moderate: () => t("session.tab.moderate"),
    stagedoor: () => {
      const waiting = state().hands.filter((h) => h.status === "waiting").length;
      return waiting > 0 ? t("session.tab.stagedoorWaiting", { count: waiting }) : t("session.tab.stagedoor");
    },
  };
  const items = (): TabItem<DeskKey>[] => available().map((key) => ({ key, label: labels[key]() }));

  return (
    <Show when={state().ready && available().length > 0}>
      <section class="card control-desk" aria-label={t("session.desk")}>
        <Tabs label={t("session.desk")} items={items()} selected={selected()} onSelect={setChosen} idPrefix="desk" freshLabel={t("session.tab.new")} />
        <TabPanels keys={available()} selected={selected()} idPrefix="desk">
          {(key) => (
            <Suspense fallback={<p role="status">{t("session.loading")}</p>}>
              {key === "moderate" ? <ModeratorPanel live={props.live} /> : <StageDoorPanel live={props.live} />}
            </Suspense>
          )}
        </TabPanels>
      </section>
    </Show>
  );
}
