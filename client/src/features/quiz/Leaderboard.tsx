import { For } from "solid-js";
import type { QuizView } from "../../../../core/protocol";
import { t } from "../../i18n";

/** The top ten after the latest revealed question. */
export function Leaderboard(props: { quiz: QuizView; you?: string | undefined }) {
  return (
    <ol class="leaderboard">
      <For each={props.quiz.leaderboard}>
        {(entry) => (
          <li class="leaderboard-row" classList={{ you: entry.name === props.you }} value={entry.rank}>
            <span class="rank">{entry.rank}</span>
            <span class="name">{entry.name}</span>
            <span class="points">{t("quiz.points", { points: entry.points })}</span>
          </li>
        )}
      </For>
    </ol>
  );
}
