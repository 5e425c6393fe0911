import { onCleanup, onMount, Show } from "solid-js";
import { t } from "../../i18n";
import { CallView } from "../rtc/CallView";
import { ExitButton } from "../rtc/CallControls";
import type { CallExit } from "../rtc/engine";
import { useLiveSession } from "../session/live";
import { setInStudio } from "../stage/studio";

/**
 * The stage's stream room: a call with the studio (producer, moderators) and the approved guests,
 * free of the stream delay. It has a connection of its own; while it is open the stage player stays
 * muted, so the stage's sound never goes back on air through this microphone.
 *
 * Being here means being in its call: it joins at once (a guest was just approved; staff chose
 * "Join the stream room"), and its one way out, "Leave the studio", leaves the call and the room
 * together. The call view's own "Leave" would have left a room with nobody in its call.
 */
export function Studio(props: {
  streamRoomId: string;
  myName: string;
  guest: boolean;
  onLeave: () => void;
  leaving?: boolean;
}) {
  const live = useLiveSession(props.streamRoomId);
  let heading!: HTMLHeadingElement;
  onMount(() => {
    setInStudio(true);
    // A guest just went live: take keyboard and screen-reader focus to the studio.
    if (props.guest) heading.focus();
  });
  onCleanup(() => setInStudio(false));
  const exit = (): CallExit => ({
    label: t("hand.leaveStudio"),
    hint: t(props.guest ? "studio.leaveHint.guest" : "studio.leaveHint.staff"),
    busy: props.leaving ?? false,
    run: props.onLeave,
  });
  return (
    <section class="studio" aria-labelledby="studio-heading" data-stream-room={props.streamRoomId}>
      <h3 id="studio-heading" tabindex="-1" ref={heading}>
        {props.guest ? <span class="on-air">{t("studio.live")}</span> : t("studio.title")}
      </h3>
      <p class="muted small">{props.guest ? t("studio.guestNote") : t("studio.staffNote")}</p>
      <Show
        when={live.state.ready}
        fallback={
          <div class="call-lobby">
            <p role="status">{t("session.loading")}</p>
            <ExitButton exit={exit()} />
          </div>
        }
      >
        <CallView
          sessionId={props.streamRoomId}
          connection={live.connection}
          myName={props.myName}
          title={t("studio.title")}
          autoJoin
          voiceFocus
          exit={exit()}
        />
      </Show>
    </section>
  );
}
