import { createEffect, createSignal, For, on, Show } from "solid-js";
import { Emojis, type Emoji } from "../../../../core/protocol";
import { t, type MessageKey } from "../../i18n";
import type { LiveSession } from "../session/live";

export const emojiName: Record<Emoji, MessageKey> = {
  "👍": "reaction.thumbs",
  "❤️": "reaction.heart",
  "👏": "reaction.clap",
  "😂": "reaction.laugh",
  "🎉": "reaction.party",
  "😮": "reaction.wow",
};

interface Floater {
  id: number;
  emoji: string;
  left: number;
}

/** At most this many emoji float at once, however big the burst: the sums say the rest. */
const MAX_FLOATERS = 24;

/** Emoji buttons, and everyone's reactions floating up (decorative: hidden from screen readers). */
export function Reactions(props: { live: LiveSession }) {
  const [floaters, setFloaters] = createSignal<Floater[]>([]);
  let ids = 0;
  createEffect(
    on(
      () => props.live.state.reactions.bursts.at(-1)?.id,
      () => {
        const burst = props.live.state.reactions.bursts.at(-1);
        if (!burst) return;
        const fresh: Floater[] = [];
        for (const [emoji, n] of Object.entries(burst.counts)) {
          for (let i = 0; i < Math.min(n, 6); i++) fresh.push({ id: ++ids, emoji, left: 5 + Math.random() * 90 });
        }
        setFloaters((f) => [...f, ...fresh].slice(-MAX_FLOATERS));
        const done = new Set(fresh.map((f) => f.id));
        setTimeout(() => setFloaters((f) => f.filter((x) => !done.has(x.id))), 2600);
      },
      { defer: true },
    ),
  );
  return (
    <div class="reactions">
      <Show when={props.live.state.reactions.enabled} fallback={<p class="muted small">{t("reaction.disabled")}</p>}>
        <div class="reaction-bar" role="group" aria-label={t("reaction.label")}>
          <For each={Emojis}>
            {(emoji) => (
              <button
                type="button"
                class="reaction"
                aria-label={t("reaction.send", { name: t(emojiName[emoji]) })}
                onClick={() => props.live.react(emoji)}
              >
                {emoji}
              </button>
            )}
          </For>
        </div>
      </Show>
      <div class="floaters" aria-hidden="true">
        <For each={floaters()}>
          {(f) => (
            <span class="floater" style={{ left: `${f.left}%` }}>
              {f.emoji}
            </span>
          )}
        </For>
      </div>
    </div>
  );
}
