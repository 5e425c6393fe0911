import { createSignal, For, Show } from "solid-js";
import { Limits } from "../../../../core/protocol";
import { t } from "../../i18n";
import { ItemEditor } from "../moderation/ItemEditor";
import type { Lifecycle } from "../moderation/ItemActions";
import { ItemsCard } from "../moderation/ItemsCard";
import { createDraft } from "../session/draft";
import { ErrorNote } from "../session/ErrorNote";
import type { LiveSession } from "../session/live";
import { useAction } from "../session/useAction";
import { Cloud } from "./Cloud";

const lifecycle = (cloudId: string): Lifecycle => ({
  open: { type: "wordcloud/open", cloudId },
  close: { request: { type: "wordcloud/close", cloudId }, warning: t("mod.confirm.close.wordcloud") },
  visibility: (visible) => ({ type: "wordcloud/visibility", cloudId, visible }),
  hideWarning: t("mod.confirm.hide.wordcloud"),
  remove: { type: "wordcloud/delete", cloudId },
});

function CloudEditor(props: { live: LiveSession }) {
  const [prompt, setPrompt] = createSignal("");
  const [perPerson, setPerPerson] = createSignal<number>(Limits.wordsPerPersonDefault);
  return (
    <ItemEditor
      live={props.live}
      headingId="cloud-editor-heading"
      summary={t("mod.cloud.new")}
      request={() => ({ type: "wordcloud/create", cloud: { prompt: prompt(), perPerson: perPerson() } })}
      onCreated={() => setPrompt("")}
    >
      <label for="cloud-prompt">{t("mod.cloud.prompt")}</label>
      <input
        id="cloud-prompt"
        type="text"
        required
        maxlength={Limits.wordcloudPromptChars}
        value={prompt()}
        onInput={(e) => setPrompt(e.currentTarget.value)}
      />
      <label for="cloud-per-person">{t("mod.cloud.perPerson")}</label>
      <input
        id="cloud-per-person"
        type="number"
        min="1"
        max={Limits.wordsPerPersonMax}
        value={perPerson()}
        onInput={(e) => setPerPerson(Number(e.currentTarget.value))}
      />
    </ItemEditor>
  );
}

function Blocklist(props: { live: LiveSession }) {
  const [word, setWord, sent] = createDraft();
  const act = useAction(props.live);
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const what = word();
    const result = await act.run({ type: "wordcloud/block", word: what, blocked: true });
    if (result.ok) sent(what);
  };
  return (
    <div class="blocklist">
      <h4>{t("mod.blocklist")}</h4>
      <p class="muted small">{t("mod.blockNote")}</p>
      <form class="inline-form" onSubmit={submit}>
        <label for="block-word">{t("mod.blockLabel")}</label>
        <input
          id="block-word"
          type="text"
          required
          maxlength={Limits.blockedWordChars}
          value={word()}
          onInput={(e) => setWord(e.currentTarget.value)}
        />
        <button type="submit" disabled={act.busy()}>
          {t("mod.block")}
        </button>
      </form>
      <ErrorNote text={act.error()} />
      <ul class="chips">
        <For each={props.live.state.blockedWords}>
          {(w) => (
            <li>
              {w}{" "}
              <button
                type="button"
                class="small secondary"
                aria-label={t("mod.unblock", { word: w })}
                onClick={() => act.run({ type: "wordcloud/block", word: w, blocked: false })}
              >
                ×
              </button>
            </li>
          )}
        </For>
      </ul>
    </div>
  );
}

export function WordcloudControls(props: { live: LiveSession }) {
  return (
    <ItemsCard
      live={props.live}
      kind="wordcloud"
      heading={t("mod.wordclouds")}
      items={props.live.state.wordclouds}
      title={(cloud) => cloud.prompt}
      lifecycle={lifecycle}
      details={(cloud) => (
        <Show when={cloud().words.length > 0}>
          <p class="muted small">{t("wordcloud.entries", { count: cloud().entries })}</p>
          <Cloud words={cloud().words} label={t("wordcloud.cloudLabel")} />
        </Show>
      )}
      editor={
        <>
          <CloudEditor live={props.live} />
          <Blocklist live={props.live} />
        </>
      }
    />
  );
}
