import { For, Show } from "solid-js";
import type { HandEntry } from "../../../../core/protocol";
import { t } from "../../i18n";
import { ErrorNote } from "../session/ErrorNote";
import type { LiveSession } from "../session/live";
import { useAction } from "../session/useAction";
import { queueOrder } from "../../../../core/rules/hand-queue";

/** "2 min", "45 s": how long someone has been waiting. */
function waited(since: number, now: number): string {
  const seconds = Math.max(0, Math.floor((now - since) / 1000));
  return seconds < 60
    ? t("hand.queue.seconds", { n: seconds })
    : t("hand.queue.minutes", { n: Math.floor(seconds / 60) });
}

const techKey = (h: HandEntry) => (h.techCheck === undefined ? "checking" : (h.techCheck ?? "none"));

/**
 * The raise-hand queue for staff: who is in the studio, then everyone waiting in order with their
 * topic, waiting time and tech check. Moderators approve, dismiss or end; leaving someone waiting
 * needs nothing. Producers see the same list to prepare the next guest.
 */
export function HandQueue(props: { live: LiveSession; moderator: boolean }) {
  const act = useAction(props.live);
  const live = () => props.live.state.hands.filter((h) => h.status === "live");
  const waiting = () => queueOrder(props.live.state.hands);
  const moderate = (h: HandEntry, action: "approve" | "dismiss" | "end") =>
    void act.run({ type: "hand/moderate", registrationId: h.registrationId, action });
  const who = (h: HandEntry) => (
    <div class="hand-who">
      <strong>{h.name}</strong>
      <Show when={h.topic}>
        <span class="hand-topic">{h.topic}</span>
      </Show>
      <span class="hand-meta">
        <span>
          {t("hand.queue.waited", {
            time: waited(h.status === "live" ? (h.approvedAt ?? h.raisedAt) : h.raisedAt, props.live.serverNow()),
          })}
        </span>
        <span class={`badge verdict-${h.techCheck ?? "none"}`} data-tech-check={techKey(h)}>
          {t(`hand.tech.${techKey(h)}`)}
        </span>
        {/* A hand stays up when its owner steps away (to a breakout, or a dropped connection). */}
        <Show when={h.status === "waiting" && !props.live.state.presence.people[h.registrationId]}>
          <span class="badge">{t("hand.queue.away")}</span>
        </Show>
      </span>
    </div>
  );
  return (
    <section class="card stagedoor" aria-labelledby="hand-queue-heading">
      <h3 id="hand-queue-heading">{t("hand.queue.heading", { count: waiting().length })}</h3>
      <Show when={live().length > 0}>
        <h4>{t("hand.queue.inStudio")}</h4>
        <ul class="hand-queue" aria-label={t("hand.queue.inStudio")}>
          <For each={live()}>
            {(h) => (
              <li class="hand-item" data-status="live" data-registration-id={h.registrationId}>
                <span class="on-air" aria-hidden="true" />
                {who(h)}
                <Show when={props.moderator}>
                  <div class="hand-actions">
                    <button
                      type="button"
                      class="small danger"
                      aria-label={t("hand.queue.endWho", { name: h.name })}
                      onClick={() => moderate(h, "end")}
                    >
                      {t("hand.queue.end")}
                    </button>
                  </div>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={waiting().length > 0} fallback={<p class="muted">{t("hand.queue.empty")}</p>}>
        <ol class="hand-queue" aria-label={t("hand.queue.waiting")}>
          <For each={waiting()}>
            {(h, i) => (
              <li class="hand-item" data-status="waiting" data-registration-id={h.registrationId}>
                <span class="hand-number">{i() + 1}</span>
                {who(h)}
                <Show when={props.moderator}>
                  <div class="hand-actions">
                    <button
                      type="button"
                      class="small primary"
                      aria-label={t("hand.queue.approveWho", { name: h.name })}
                      onClick={() => moderate(h, "approve")}
                    >
                      {t("hand.queue.approve")}
                    </button>
                    <button
                      type="button"
                      class="small secondary"
                      aria-label={t("hand.queue.dismissWho", { name: h.name })}
                      onClick={() => moderate(h, "dismiss")}
                    >
                      {t("hand.queue.dismiss")}
                    </button>
                  </div>
                </Show>
              </li>
            )}
          </For>
        </ol>
        <Show when={props.moderator}>
          <p class="muted small">{t("hand.queue.waitHint")}</p>
        </Show>
      </Show>
      <ErrorNote text={act.error()} />
    </section>
  );
}
