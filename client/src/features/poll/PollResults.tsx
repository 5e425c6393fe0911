import { For } from "solid-js";
import type { PollView } from "../../../../core/protocol";
import { t } from "../../i18n";

export const percentOf = (count: number, total: number): number => (total > 0 ? Math.round((count / total) * 100) : 0);

/**
 * Bars per option. Shares are of the voters (a multi-choice poll's shares can add up to more than
 * 100 %). Widths animate in CSS, so four updates a second look like smooth motion.
 */
export function PollResults(props: { poll: PollView; mine?: readonly number[] }) {
  const counts = () => props.poll.counts ?? props.poll.options.map(() => 0);
  return (
    <ol class="poll-results">
      <For each={props.poll.options}>
        {(option, i) => {
          const count = () => counts()[i()] ?? 0;
          const percent = () => percentOf(count(), props.poll.voters);
          return (
            <li class="poll-result" classList={{ mine: props.mine?.includes(i()) ?? false }} data-count={count()}>
              <span class="poll-result-label">
                <span class="poll-option-text">{option}</span>
                <span class="poll-share">{t("poll.share", { percent: percent(), count: count() })}</span>
              </span>
              <span class="bar" aria-hidden="true">
                <span class="bar-fill" style={{ "--share": `${percent()}%` }} />
              </span>
            </li>
          );
        }}
      </For>
    </ol>
  );
}

export const resultsSummary = (poll: PollView): string =>
  poll.options.map((o, i) => `${o} ${percentOf(poll.counts?.[i] ?? 0, poll.voters)}%`).join(", ");
