import { For, type JSX } from "solid-js";

/** A panel listing the items of one kind participants can see now, newest first. */
export function VisibleItems<T extends { id: string; visible: boolean }>(props: {
  class: string;
  heading: string;
  empty: string;
  items: readonly T[];
  children: (item: T) => JSX.Element;
}) {
  const id = `${props.class}-heading`;
  const visible = () => props.items.filter((i) => i.visible).reverse();
  return (
    <section class={`panel ${props.class}`} aria-labelledby={id}>
      <h2 id={id} class="visually-hidden">
        {props.heading}
      </h2>
      <For each={visible()} fallback={<p class="muted">{props.empty}</p>}>
        {(item) => props.children(item)}
      </For>
    </section>
  );
}
