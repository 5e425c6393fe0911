import { For, Show } from "solid-js";
import { t } from "../../i18n";
import { ErrorNote } from "../session/ErrorNote";
import type { LiveSession } from "../session/live";
import { useAction } from "../session/useAction";
import { PollControls } from "../poll/PollControls";
import { PresenceList } from "../presence/PresenceList";
import { QuizControls } from "../quiz/QuizControls";
import { WordcloudControls } from "../wordcloud/WordcloudControls";

function FeatureSwitches(props: { live: LiveSession }) {
  const s = () => props.live.state;
  const act = useAction(props.live);
  return (
    <section class="card" aria-labelledby="mod-features">
      <h3 id="mod-features">{t("mod.features")}</h3>
      <div class="switches">
        <label class="check">
          <input
            type="checkbox"
            checked={s().chat.enabled}
            onChange={(e) => act.run({ type: "chat/configure", enabled: e.currentTarget.checked })}
          />
          {t("mod.chatEnabled")}
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={s().qa.enabled}
            onChange={(e) =>
              act.run({
                type: "qa/configure",
                enabled: e.currentTarget.checked,
                requireApproval: s().qa.requireApproval,
              })
            }
          />
          {t("mod.qaEnabled")}
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={s().qa.requireApproval}
            onChange={(e) =>
              act.run({ type: "qa/configure", enabled: s().qa.enabled, requireApproval: e.currentTarget.checked })
            }
          />
          {t("mod.qaApproval")}
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={s().reactions.enabled}
            onChange={(e) => act.run({ type: "reaction/configure", enabled: e.currentTarget.checked })}
          />
          {t("mod.reactionsEnabled")}
        </label>
      </div>
      <ErrorNote text={act.error()} />
    </section>
  );
}

/** People muted in the chat who are not here right now (those who are show in the people list). */
function AbsentMuted(props: { live: LiveSession }) {
  const act = useAction(props.live);
  const absent = () => props.live.state.chat.muted.filter((p) => !props.live.state.presence.people[p.registrationId]);
  return (
    <Show when={absent().length > 0}>
      <section class="card" aria-labelledby="mod-muted">
        <h3 id="mod-muted">{t("mod.muted")}</h3>
        <ul class="people">
          <For each={absent()}>
            {(p) => (
              <li class="person">
                {p.name}{" "}
                <button
                  type="button"
                  class="small secondary"
                  onClick={() => act.run({ type: "chat/mute", registrationId: p.registrationId, muted: false })}
                >
                  {t("mod.unmute")}
                </button>
              </li>
            )}
          </For>
        </ul>
        <ErrorNote text={act.error()} />
      </section>
    </Show>
  );
}

function OutputLinks(props: { sessionId: string }) {
  const kinds = ["poll", "quiz", "wordcloud", "question"] as const;
  return (
    <section class="card" aria-labelledby="mod-outputs">
      <h3 id="mod-outputs">{t("mod.outputs")}</h3>
      <p class="muted small">{t("mod.outputsNote")}</p>
      <ul>
        <For each={kinds}>
          {(kind) => (
            <li>
              <a href={`/output/${encodeURIComponent(props.sessionId)}/${kind}`} target="_blank" rel="noopener">
                {t(`mod.output.${kind}`)}
              </a>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}

/** The moderator's controls for this session (loaded only for moderators). */
export default function ModeratorPanel(props: { live: LiveSession }) {
  return (
    <div class="moderation">
      <h2 class="visually-hidden">{t("mod.heading")}</h2>
      {/* Two stacks, side by side when the desk is wide (session.css); stacked, they read in
          the order a moderator needs them: switches and the interactions before the people. */}
      <div class="moderation-items">
        <FeatureSwitches live={props.live} />
        <PollControls live={props.live} />
        <QuizControls live={props.live} />
        <WordcloudControls live={props.live} />
      </div>
      <div class="moderation-side">
        <PresenceList live={props.live} />
        <AbsentMuted live={props.live} />
        <OutputLinks sessionId={props.live.sessionId} />
      </div>
    </div>
  );
}
