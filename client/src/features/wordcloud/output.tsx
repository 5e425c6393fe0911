import { Show } from "solid-js";
import { inLanguage } from "../../../../core/protocol";
import { language } from "../../i18n";
import { currentItem } from "../session/current";
import type { LiveSession } from "../session/live";
import { defineOutput } from "../session/output";
import { Cloud } from "./Cloud";

/** The word cloud on the broadcast: the current cloud's prompt and its words. */
export const wordcloudOutput = defineOutput({ kind: "wordcloud", View: WordcloudOutput });

function WordcloudOutput(props: { live: LiveSession }) {
  const cloud = () => {
    const current = currentItem(props.live.state.wordclouds);
    return current && inLanguage(current, language());
  };
  return (
    <Show when={cloud()}>
      {(c) => (
        <section class="output-cloud" data-cloud-id={c().id}>
          <h1>{c().prompt}</h1>
          <Cloud words={c().words} label={c().prompt} />
        </section>
      )}
    </Show>
  );
}
