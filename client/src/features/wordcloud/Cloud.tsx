import { For } from "solid-js";
import type { CloudWord } from "../../../../core/protocol";
import { wordScale } from "./scale";

/**
 * The words, biggest first from the middle out (a simple centred flow, not a spiral packer:
 * legible on any screen and stable between updates, so words grow in place rather than jump).
 */
export function Cloud(props: { words: readonly CloudWord[]; label: string }) {
  const top = () => props.words[0]?.count ?? 1;
  const ordered = () => {
    // Alternate sides: the biggest lands in the middle.
    const out: CloudWord[] = [];
    props.words.forEach((w, i) => {
      if (i % 2 === 0) out.push(w);
      else out.unshift(w);
    });
    return out;
  };
  return (
    <ul class="cloud" aria-label={props.label}>
      <For each={ordered()}>
        {(w) => (
          <li class="cloud-word" style={{ "--scale": String(wordScale(w.count, top())) }} data-count={w.count}>
            {w.text}
            <span class="visually-hidden"> ({w.count})</span>
          </li>
        )}
      </For>
    </ul>
  );
}
