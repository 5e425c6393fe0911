import { Show } from "solid-js";
import { t } from "../../i18n";
import { Reactions } from "../reaction/Reactions";
import type { LiveSession } from "./live";
import { useTabs } from "./tab";
import { TabPanels, Tabs } from "./Tabs";
import { sessionTabs } from "./tabs";
import "./session.css";

/**
 * The live session's interactions in tabs, as everyone sees them (moderators with their tools in
 * place: delete, mute, approve). Participants see only what is switched on or open; a tab whose
 * content appears while another is open gets a dot and a spoken announcement. The tabs are the
 * features' own (tabs.ts). The moderator's and producer's own controls are the control desk beside
 * it (ControlDesk). The panels only need the live session, so another page can host them the same way.
 */
export function SessionView(props: { live: LiveSession }) {
  const state = () => props.live.state;
  const moderator = () => state().you?.role === "moderator";
  const tabs = useTabs(sessionTabs, props.live);

  return (
    <section class="card session-view" aria-label={t("session.tabs")} data-ready={state().ready ? "yes" : "no"}>
      <Show when={state().ready} fallback={<p role="status">{t("session.loading")}</p>}>
        <div class="session-head">
          <span class="here" data-count={state().presence.count}>
            {t("session.here", { count: state().presence.count })}
          </span>
          <Reactions live={props.live} />
        </div>
        <Tabs
          label={t("session.tabs")}
          items={tabs.items()}
          selected={tabs.selected()}
          onSelect={tabs.select}
          idPrefix="session"
          freshLabel={t("session.tab.new")}
        />
        <TabPanels keys={tabs.available()} selected={tabs.selected()} idPrefix="session">
          {(key) => {
            const Panel = tabs.Panel(key);
            return <Panel live={props.live} moderator={moderator()} />;
          }}
        </TabPanels>
        <p class="visually-hidden" aria-live="polite">
          {tabs.announcement()}
        </p>
      </Show>
    </section>
  );
}
