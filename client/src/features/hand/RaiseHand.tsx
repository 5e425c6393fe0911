import { createSignal, Match, Show, Switch } from "solid-js";
import { HandLimits, charCount } from "../../../../core/protocol";
import { t } from "../../i18n";
import { createDraft } from "../session/draft";
import { ErrorNote } from "../session/ErrorNote";
import type { LiveSession } from "../session/live";
import { useAction } from "../session/useAction";
import { ordinal } from "./ordinal";
import { Studio } from "./Studio";

/**
 * A participant's stage door: raise a hand (with a short topic), see the place in the queue, and
 * once a moderator approves, the studio call right here. Every change is announced politely; going
 * live also moves focus to the studio.
 */
export function RaiseHand(props: { live: LiveSession; myName: string }) {
  const hand = () => props.live.state.me.hand;
  const act = useAction(props.live);
  const [topic, setTopic, sent] = createDraft();
  const over = () => charCount(topic()) > HandLimits.topicChars;
  const raise = async (e: SubmitEvent) => {
    e.preventDefault();
    if (over()) return;
    setLeftStudio(false);
    const what = topic();
    const result = await act.run({ type: "hand/raise", topic: what });
    if (result.ok) sent(what);
  };
  const lower = () => void act.run({ type: "hand/lower" });
  // A guest's way out of the studio is their hand going down; they hear that they left the studio.
  const [leftStudio, setLeftStudio] = createSignal(false);
  let heading!: HTMLHeadingElement;
  const leaveStudio = async () => {
    setLeftStudio(true);
    const result = await act.run({ type: "hand/lower" });
    if (!result.ok) return setLeftStudio(false);
    // The button pressed went with the studio: focus comes back to the top of this panel.
    heading.focus();
  };
  const ended = () => {
    const h = hand();
    if (h.status !== "none" || !h.reason) return undefined;
    return h.reason === "lowered" && leftStudio() ? t("studio.left") : t(`hand.ended.${h.reason}`);
  };
  return (
    <section class="card stagedoor" aria-labelledby="hand-heading" data-hand={hand().status}>
      <h3 id="hand-heading" tabindex="-1" ref={heading}>
        {t("hand.heading")}
      </h3>
      <Switch>
        <Match when={hand().status === "none"}>
          <Show when={ended()}>{(text) => <p role="status">{text()}</p>}</Show>
          <form class="row" onSubmit={(e) => void raise(e)}>
            <label for="hand-topic">{t("hand.topic")}</label>
            <input
              id="hand-topic"
              type="text"
              value={topic()}
              onInput={(e) => setTopic(e.currentTarget.value)}
              aria-describedby="hand-topic-count"
              aria-invalid={over()}
              autocomplete="off"
            />
            <button type="submit" class="primary" disabled={act.busy() || over()}>
              {t("hand.raise")}
            </button>
            <span id="hand-topic-count" class="counter" classList={{ over: over() }}>
              {t("hand.topicCount", { count: charCount(topic()), max: HandLimits.topicChars })}
            </span>
          </form>
        </Match>
        <Match when={hand().status === "waiting" && hand()}>
          {(h) => {
            const waiting = () => h() as Extract<ReturnType<typeof hand>, { status: "waiting" }>;
            return (
              <>
                <p class="hand-place" role="status" data-position={waiting().position}>
                  {t("hand.waiting", { place: ordinal(waiting().position) })}
                </p>
                <Show when={waiting().topic}>
                  <p class="hand-topic">
                    {t("hand.yourTopic")} <span>{waiting().topic}</span>
                  </p>
                </Show>
                <button type="button" class="secondary" disabled={act.busy()} onClick={lower}>
                  {t("hand.lower")}
                </button>
              </>
            );
          }}
        </Match>
        <Match when={hand().status === "live" && hand()}>
          {(h) => {
            const streamRoomId = () => (h() as Extract<ReturnType<typeof hand>, { status: "live" }>).streamRoomId;
            return (
              <>
                <p class="visually-hidden" role="status">
                  {t("studio.live")}
                </p>
                <Studio
                  streamRoomId={streamRoomId()}
                  myName={props.myName}
                  guest
                  leaving={act.busy()}
                  onLeave={() => void leaveStudio()}
                />
              </>
            );
          }}
        </Match>
      </Switch>
      <ErrorNote text={act.error()} />
    </section>
  );
}
