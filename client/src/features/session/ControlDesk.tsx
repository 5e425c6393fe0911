import { Show, Suspense } from "solid-js";
import { t } from "../../i18n";
import { deskTabs } from "./desk";
import type { LiveSession } from "./live";
import { useTabs } from "./tab";
import { TabPanels, Tabs } from "./Tabs";

/**
 * The staff's own controls for this session: Moderate (moderators) and Stage door (moderators
 * and producers), from the features' own tabs (desk.ts). A region of its own next to the media
 * and the audience's tabs, not two more tabs squeezed among them, so a moderator keeps the chat in
 * view while running a poll and the forms get the width they need. Participants get nothing
 * here, and never download the panels (they load lazily).
 */
export function ControlDesk(props: { live: LiveSession }) {
  const state = () => props.live.state;
  const moderator = () => state().you?.role === "moderator";
  const tabs = useTabs(deskTabs, props.live);

  return (
    <Show when={state().ready && tabs.available().length > 0}>
      <section class="card control-desk" aria-label={t("session.desk")}>
        <Tabs
          label={t("session.desk")}
          items={tabs.items()}
          selected={tabs.selected()}
          onSelect={tabs.select}
          idPrefix="desk"
          freshLabel={t("session.tab.new")}
        />
        <TabPanels keys={tabs.available()} selected={tabs.selected()} idPrefix="desk">
          {(key) => {
            const Panel = tabs.Panel(key);
            return (
              <Suspense fallback={<p role="status">{t("session.loading")}</p>}>
                <Panel live={props.live} moderator={moderator()} />
              </Suspense>
            );
          }}
        </TabPanels>
      </section>
    </Show>
  );
}
