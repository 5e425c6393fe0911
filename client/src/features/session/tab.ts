import { createEffect, createMemo, createSignal, on, type Component } from "solid-js";
import type { Role } from "../../../../core/protocol";
import type { ListedOnce } from "../../lib/listed-once";
import type { LiveSession } from "./live";
import type { SessionState } from "./state";
import type { TabItem } from "./Tabs";

/** What a tab's panel is given: the live session, and whether this person moderates it. */
export interface PanelProps {
  live: LiveSession;
  moderator: boolean;
}

/**
 * One feature's tab on a session page, declared in the feature's folder (features/<feature>/tab.ts)
 * and listed once: tabs.ts for the tabs everyone sees, desk.ts for staff's control desk.
 */
export interface Tab<K extends string> {
  /** Names the tab and its panel in the page (`session-tab-<key>`, `session-panel-<key>`). */
  readonly key: K;
  label(state: SessionState): string;
  /** Whether the tab is there now for this person. */
  available(state: SessionState, role: Role | undefined): boolean;
  /**
   * Items that, when they appear while another tab is open, mark this tab and are announced:
   * the ids of those shown now, and what is said of the newest.
   */
  readonly announce?: { ids(state: SessionState): readonly string[]; say(state: SessionState): string };
  readonly Panel: Component<PanelProps>;
}

export const defineTab = <const K extends string>(tab: Tab<K>): Tab<K> => tab;

/**
 * A tab of items a moderator shows and hides (polls, quizzes, word clouds): there while one is
 * visible, announcing each one newly shown.
 */
export function itemTab<const K extends string, T extends { id: string; visible: boolean }>(tab: {
  key: K;
  label: () => string;
  items: (state: SessionState) => readonly T[];
  /** What is said when `newest` is shown while another tab is open. */
  say: (newest: T | undefined) => string;
  Panel: Component<PanelProps>;
}): Tab<K> {
  const shown = (state: SessionState) => tab.items(state).filter((item) => item.visible);
  return {
    key: tab.key,
    label: tab.label,
    available: (state) => shown(state).length > 0,
    announce: { ids: (state) => shown(state).map((item) => item.id), say: (state) => tab.say(shown(state).at(-1)) },
    Panel: tab.Panel,
  };
}

type AnyTab = Tab<string>;

/** A list of tabs, in the order they show; a key listed twice fails to compile, naming the key. */
export const tabList = <const L extends readonly AnyTab[]>(tabs: L & ListedOnce<L, "key">): L => tabs;

export type KeyOf<L extends readonly AnyTab[]> = L[number]["key"];

/**
 * The state of a tab list on a live session: which tabs are there, which one is open (the one
 * chosen, or the first one there), and which got something new while another was open. The
 * announcement is for a polite live region; focus stays where the person is.
 */
export function useTabs<const L extends readonly AnyTab[]>(tabs: L, live: LiveSession) {
  type K = KeyOf<L>;
  const state = () => live.state;
  const byKey = new Map<K, Tab<K>>(tabs.map((tab) => [tab.key, tab]));
  const first = tabs[0]!.key as K;
  const available = createMemo<K[]>(() =>
    tabs.filter((tab) => tab.available(state(), state().you?.role)).map((tab) => tab.key),
  );
  const [chosen, setChosen] = createSignal<K>(first);
  const selected = () => (available().includes(chosen()) ? chosen() : (available()[0] ?? first));
  const [fresh, setFresh] = createSignal<ReadonlySet<K>>(new Set());
  const [announcement, setAnnouncement] = createSignal("");

  for (const tab of tabs) {
    const announce = tab.announce;
    if (!announce) continue;
    createEffect(
      on(
        () => announce.ids(state()).join(","),
        (now, before) => {
          if (before === undefined || !state().ready) return;
          const added = now.split(",").filter((id) => id && !before.split(",").includes(id));
          if (added.length === 0 || selected() === tab.key) return;
          setFresh((f) => new Set([...f, tab.key]));
          setAnnouncement(announce.say(state()));
        },
      ),
    );
  }

  return {
    available,
    selected,
    select(key: K) {
      setChosen(() => key);
      setFresh((f) => new Set([...f].filter((k) => k !== key)));
    },
    items: (): TabItem<K>[] =>
      available().map((key) => ({ key, label: byKey.get(key)!.label(state()), fresh: fresh().has(key) })),
    announcement,
    Panel: (key: K) => byKey.get(key)!.Panel,
  };
}
