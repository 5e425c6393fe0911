import { createMemo, For, Show, type JSX } from "solid-js";

/**
 * A panel listing the items of one kind participants can see now, newest first. Each card is
 * keyed by the item's id and gets the item as an accessor: tallies, word counts and quiz progress
 * replace the item object several times a second, and a card rebuilt for each would lose what
 * the person is doing in it (a choice not yet sent, a word half typed, the focus).
 */
export function VisibleItems<T extends { id: string; visible: boolean }>(props: {
  class: string;
  heading: string;
  empty: string;
  items: readonly T[];
  children: (item: () => T) => JSX.Element;
}) {
  const id = `${props.class}-heading`;
  const visible = createMemo(() =>
    props.items
      .filter((i) => i.visible)
      .map((i) => i.id)
      .reverse(),
  );
  const byId = (itemId: string) => props.items.find((i) => i.id === itemId && i.visible);
  return (
    <section class={`panel ${props.class}`} aria-labelledby={id}>
      <h2 id={id} class="visually-hidden">
        {props.heading}
      </h2>
      <For each={visible()} fallback={<p class="muted">{props.empty}</p>}>
        {(itemId) => <Show when={byId(itemId)}>{(item) => props.children(item)}</Show>}
      </For>
    </section>
  );
}
