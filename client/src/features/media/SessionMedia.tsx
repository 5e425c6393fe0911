import { lazy, Match, Switch } from "solid-js";
import type { MeResponse, ProgrammeItem } from "../../../../worker/contract";
import type { SessionSocket } from "../../lib/socket";
import { CallView } from "../call/CallView";
import { StagePlayer } from "../stage/StagePlayer";

// Only carousel sessions need the carousel (and only moderators its controls, loaded inside it).
const CarouselView = lazy(() => import("../carousel/CarouselView"));

/**
 * The media of one programme session: the stage player for a stage, the call view for a
 * breakout or stream room, the chat carousel (its pairs' calls) for a carousel. Loaded lazily by the portal, so neither weighs on its first paint.
 */
export default function SessionMedia(props: { session: ProgrammeItem; socket: SessionSocket; me: MeResponse }) {
  return (
    <Switch>
      <Match when={props.session.kind === "stage"}>
        <StagePlayer sessionId={props.session.id} socket={props.socket} showLatency={props.me.registration.role !== "participant"} title={props.session.title} />
      </Match>
      <Match when={props.session.kind === "breakout" || props.session.kind === "stream-room"}>
        <CallView sessionId={props.session.id} socket={props.socket} myName={props.me.registration.name} title={props.session.title} />
      </Match>
      <Match when={props.session.kind === "carousel"}>
        <CarouselView sessionId={props.session.id} socket={props.socket} me={props.me} />
      </Match>
    </Switch>
  );
}
