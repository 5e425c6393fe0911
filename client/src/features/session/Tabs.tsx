import { createEffect, createSignal, For, type JSX } from "solid-js";

export interface TabItem<K extends string> {
  key: K;
  label: string;
  /** Something new appeared here since the tab was last open. */
  fresh?: boolean;
}

/**
 * An ARIA tab list: arrow keys, Home and End move between tabs (and select them), only the
 * selected tab is in the tab order, and each tab names the panel it controls.
 */
export function Tabs<K extends string>(props: {
  label: string;
  items: TabItem<K>[];
  selected: K;
  onSelect(key: K): void;
  idPrefix: string;
  freshLabel: string;
}) {
  const ids = (key: K) => ({ tab: `${props.idPrefix}-tab-${key}`, panel: `${props.idPrefix}-panel-${key}` });
  const onKeyDown: JSX.EventHandler<HTMLDivElement, KeyboardEvent> = (e) => {
    const keys = props.items.map((i) => i.key);
    const at = keys.indexOf(props.selected);
    const next =
      e.key === "ArrowRight"
        ? keys[(at + 1) % keys.length]
        : e.key === "ArrowLeft"
          ? keys[(at - 1 + keys.length) % keys.length]
          : e.key === "Home"
            ? keys[0]
            : e.key === "End"
              ? keys.at(-1)
              : undefined;
    if (next === undefined) return;
    e.preventDefault();
    props.onSelect(next);
    document.getElementById(ids(next).tab)?.focus();
  };
  return (
    <div class="tabs" role="tablist" aria-label={props.label} onKeyDown={onKeyDown}>
      {/* Keyed by the tab's key, not the item object: items are rebuilt whenever a label or dot
          changes, and a tab rebuilt under the pointer would drop the focus of the click. */}
      <For each={props.items.map((i) => i.key)}>
        {(key) => {
          const item = () => props.items.find((i) => i.key === key);
          return (
            <button
              type="button"
              role="tab"
              id={ids(key).tab}
              aria-controls={ids(key).panel}
              aria-selected={key === props.selected}
              tabindex={key === props.selected ? 0 : -1}
              class="tab"
              onClick={(e) => {
                props.onSelect(key);
                // A tab list that scrolls sideways (staff's, on a phone) brings the chosen tab fully into view.
                e.currentTarget.scrollIntoView({ block: "nearest", inline: "nearest" });
              }}
            >
              {item()?.label}
              {item()?.fresh ? <span class="dot" role="img" aria-label={props.freshLabel} /> : null}
            </button>
          );
        }}
      </For>
    </div>
  );
}

export const tabPanelIds = (idPrefix: string, key: string) => ({
  id: `${idPrefix}-panel-${key}`,
  labelledby: `${idPrefix}-tab-${key}`,
});

/**
 * The panels of a tab list. A panel is built when its tab is first chosen and then kept, hidden
 * while another tab is open: switching tabs must not cost what is in a panel (a message being
 * typed, a poll half written, the studio call a moderator is in). A panel whose tab goes away
 * (a poll hidden by the moderator) is dropped with it.
 */
export function TabPanels<K extends string>(props: {
  keys: readonly K[];
  selected: K;
  idPrefix: string;
  children: (key: K) => JSX.Element;
}) {
  const [opened, setOpened] = createSignal<ReadonlySet<K>>(new Set());
  createEffect(() => {
    const key = props.selected;
    setOpened((o) => (o.has(key) ? o : new Set([...o, key])));
  });
  return (
    <For each={props.keys.filter((k) => opened().has(k) || k === props.selected)}>
      {(key) => {
        const ids = tabPanelIds(props.idPrefix, key);
        return (
          <div
            role="tabpanel"
            id={ids.id}
            aria-labelledby={ids.labelledby}
            tabindex="0"
            class="tabpanel"
            hidden={key !== props.selected}
          >
            {props.children(key)}
          </div>
        );
      }}
    </For>
  );
}
