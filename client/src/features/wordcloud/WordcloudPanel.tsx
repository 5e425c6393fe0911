import { Show } from "solid-js";
import { inLanguage, Limits, type WordcloudView } from "../../../../core/protocol";
import { language, t } from "../../i18n";
import { createDraft } from "../session/draft";
import { ErrorNote } from "../session/ErrorNote";
import type { LiveSession } from "../session/live";
import { useAction } from "../session/useAction";
import { VisibleItems } from "../session/VisibleItems";
import { Cloud } from "./Cloud";

export function WordcloudPanel(props: { live: LiveSession }) {
  return (
    <VisibleItems
      class="wordclouds"
      heading={t("session.tab.wordcloud")}
      empty={t("wordcloud.none")}
      items={props.live.state.wordclouds}
    >
      {(cloud) => <CloudCard cloud={inLanguage(cloud(), language())} live={props.live} />}
    </VisibleItems>
  );
}

function CloudCard(props: { cloud: WordcloudView; live: LiveSession }) {
  const [text, setText, sent] = createDraft();
  const submit = useAction(props.live, () => ({
    conflict: t("wordcloud.duplicate"),
    limit_reached: t("wordcloud.limit", { max: props.cloud.perPerson }),
  }));
  const mine = () => props.live.state.me.words[props.cloud.id] ?? [];
  const left = () => Math.max(0, props.cloud.perPerson - mine().length);
  const inputId = `word-${props.cloud.id}`;

  const onSubmit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (!text().trim()) return;
    const what = text();
    const result = await submit.run({ type: "wordcloud/submit", cloudId: props.cloud.id, text: what });
    if (result.ok) sent(what);
  };

  return (
    <article class="card wordcloud" data-cloud-id={props.cloud.id} aria-labelledby={`${inputId}-prompt`}>
      <h3 id={`${inputId}-prompt`}>{props.cloud.prompt}</h3>
      <Show when={props.cloud.status === "open"} fallback={<p class="muted">{t("wordcloud.closed")}</p>}>
        <Show when={left() > 0} fallback={<p role="status">{t("wordcloud.done")}</p>}>
          <form class="inline-form" onSubmit={onSubmit}>
            <label for={inputId}>{t("wordcloud.label")}</label>
            <input
              id={inputId}
              type="text"
              maxlength={Limits.wordChars}
              value={text()}
              onInput={(e) => setText(e.currentTarget.value)}
              autocomplete="off"
            />
            <button type="submit" disabled={submit.busy()}>
              {t("wordcloud.submit")}
            </button>
          </form>
          <p class="muted small">{t("wordcloud.left", { count: left() })}</p>
        </Show>
        <ErrorNote text={submit.error()} />
      </Show>
      <Show when={mine().length > 0}>
        <p class="small">
          {t("wordcloud.yours")}: {mine().join(", ")}
        </p>
      </Show>
      <p class="muted small">{t("wordcloud.entries", { count: props.cloud.entries })}</p>
      <Show when={props.cloud.words.length > 0} fallback={<p class="muted">{t("wordcloud.empty")}</p>}>
        <Cloud words={props.cloud.words} label={t("wordcloud.cloudLabel")} />
      </Show>
    </article>
  );
}
