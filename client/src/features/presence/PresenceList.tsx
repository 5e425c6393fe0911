import { createMemo, For, Show } from "solid-js";
import { t } from "../../i18n";
import type { LiveSession } from "../session/live";
import { useAction } from "../session/useAction";
import { ErrorNote } from "../session/ErrorNote";

/** For moderators: who is here, with their device, and chat mutes at hand. */
export function PresenceList(props: { live: LiveSession }) {
  const people = createMemo(() =>
    Object.values(props.live.state.presence.people).sort((a, b) => a.name.localeCompare(b.name)),
  );
  const muted = () => new Set(props.live.state.chat.muted.map((p) => p.registrationId));
  const act = useAction(props.live);
  return (
    <section class="card" aria-labelledby="people-heading">
      <h3 id="people-heading">{t("mod.people", { count: people().length })}</h3>
      <ErrorNote text={act.error()} />
      <ul class="people">
        <For each={people()}>
          {(p) => (
            <li class="person">
              <span>{p.name}</span>
              <span class="muted small">
                {t(`portal.role.${p.role}`)} · {t(`presence.device.${p.device}`)}
              </span>
              <Show when={p.role === "participant"}>
                <Show
                  when={muted().has(p.registrationId)}
                  fallback={
                    <button
                      type="button"
                      class="small secondary"
                      aria-label={t("chat.muteLabel", { name: p.name })}
                      onClick={() => act.run({ type: "chat/mute", registrationId: p.registrationId, muted: true })}
                    >
                      {t("chat.mute")}
                    </button>
                  }
                >
                  <span class="badge">{t("mod.muted")}</span>
                  <button
                    type="button"
                    class="small secondary"
                    onClick={() => act.run({ type: "chat/mute", registrationId: p.registrationId, muted: false })}
                  >
                    {t("mod.unmute")}
                  </button>
                </Show>
              </Show>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}
