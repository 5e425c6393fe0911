import { Show } from "solid-js";
import { inLanguage } from "../../../../core/protocol";
import { language, t } from "../../i18n";
import { currentItem } from "../session/current";
import type { LiveSession } from "../session/live";
import { defineOutput } from "../session/output";
import { PollResults } from "./PollResults";
import { countsVisibleToAudience } from "./visibility";

/** The poll on the broadcast: the current poll's question, its results and how many voted. */
export const pollOutput = defineOutput({ kind: "poll", View: PollOutput });

function PollOutput(props: { live: LiveSession }) {
  const current = () => {
    const poll = currentItem(props.live.state.polls);
    return poll && inLanguage(poll, language());
  };
  return (
    <Show when={current()}>
      {(p) => (
        <section class="output-poll" data-poll-id={p().id} data-voters={p().voters}>
          <h1>{p().question}</h1>
          {/* The broadcast is what participants see: results wait for the close when the poll says so. */}
          <Show when={countsVisibleToAudience(p())}>
            <PollResults poll={p()} />
          </Show>
          <p class="output-count">{t("output.votes", { count: p().voters })}</p>
        </section>
      )}
    </Show>
  );
}
