import { lazy, Match, Show, Switch } from "solid-js";
import type { MeResponse, ProgrammeItem } from "../../../../core/contract/index";
import type { LiveConnection } from "../../lib/live-connection";
import { CallView } from "../rtc/CallView";
import { StageDoorSelf } from "../hand/StageDoorSelf";
import type { LiveSession } from "../session/live";
import { StagePlayer } from "../stage/StagePlayer";

// Only carousel sessions need the carousel (and only moderators its controls, loaded inside it).
const CarouselView = lazy(() => import("../carousel/CarouselView"));

/**
 * The media of one programme session: the stage player for a stage, the call view for a
 * breakout or stream room, the chat carousel (its pairs' calls) for a carousel, and a
 * participant's stage door (raise hand, matrix). Loaded lazily by the portal, so none of it
 * weighs on its first paint.
 */
export default function SessionMedia(props: {
  session: ProgrammeItem;
  connection: LiveConnection;
  me: MeResponse;
  live?: LiveSession;
}) {
  return (
    <>
      <Switch>
        <Match when={props.session.kind === "stage"}>
          <StagePlayer
            sessionId={props.session.id}
            connection={props.connection}
            showLatency={props.me.registration.role !== "participant"}
            title={props.session.title}
          />
        </Match>
        <Match when={props.session.kind === "breakout" || props.session.kind === "stream-room"}>
          <CallView
            sessionId={props.session.id}
            connection={props.connection}
            myName={props.me.registration.name}
            title={props.session.title}
          />
        </Match>
        <Match when={props.session.kind === "carousel"}>
          <CarouselView sessionId={props.session.id} connection={props.connection} me={props.me} />
        </Match>
      </Switch>
      {/* Raise hand and the matrix are for participants; staff run them from the Stage door tab. */}
      <Show when={props.live && props.me.registration.role === "participant" && props.live}>
        {(live) => <StageDoorSelf live={live()} myName={props.me.registration.name} />}
      </Show>
    </>
  );
}
