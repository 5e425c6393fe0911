import { createEffect, createMemo, createResource, Show } from "solid-js";
import type { StageDoorResponse } from "../../../../core/contract/media";
import { t } from "../../i18n";
import { api } from "../../lib/api";
import type { CallTile } from "../rtc/engine";
import { useOutputCall } from "../rtc/output-call";
import { useLiveSession, type LiveSession } from "../session/live";
import { defineOutput } from "../session/output";

/**
 * The clean feed: one approved guest's camera at full frame, nothing else, for capture into the
 * broadcast. It shows the guest approved most recently, or the one named by `?person=<id>`; only
 * someone live in the stage's stream room can ever appear. Sound only with `?audio=1` (the studio
 * mix usually reaches the broadcast another way).
 */
export const cleanFeedOutput = defineOutput({ kind: "clean-feed", View: CleanFeedOutput });

function CleanFeedOutput(props: { live: LiveSession }) {
  const params = new URLSearchParams(location.search);
  const person = params.get("person");
  const [door] = createResource(() =>
    api<StageDoorResponse>(`/api/sessions/${encodeURIComponent(props.live.sessionId)}/stage-door`),
  );
  const guest = createMemo(() => {
    const live = props.live.state.hands.filter((h) => h.status === "live");
    if (person) return live.find((h) => h.registrationId === person);
    return [...live].sort((a, b) => (b.approvedAt ?? 0) - (a.approvedAt ?? 0))[0];
  });
  return (
    <Show when={door()?.streamRoomId}>
      {(room) => (
        <RoomFeed
          streamRoomId={room()}
          guestId={guest()?.registrationId}
          guestName={guest()?.name ?? ""}
          audio={params.get("audio") === "1"}
        />
      )}
    </Show>
  );
}

function RoomFeed(props: { streamRoomId: string; guestId: string | undefined; guestName: string; audio: boolean }) {
  const room = useLiveSession(props.streamRoomId, { output: true });
  const engine = useOutputCall({
    sessionId: props.streamRoomId,
    connection: room.connection,
    ready: () => room.state.ready,
    playAudio: props.audio,
  });
  const tile = () =>
    props.guestId
      ? engine()
          ?.tiles()
          .find((x) => x.registrationId === props.guestId && x.kind === "camera" && !x.local)
      : undefined;
  return (
    <Show when={tile()} keyed>
      {(x) => <FeedVideo tile={x} name={props.guestName} audio={props.audio} />}
    </Show>
  );
}

function FeedVideo(props: { tile: CallTile; name: string; audio: boolean }) {
  let video!: HTMLVideoElement;
  createEffect(() => props.tile.attach(video));
  return (
    <figure class="clean-feed" data-registration-id={props.tile.registrationId}>
      <video
        ref={video}
        autoplay
        playsinline
        muted={!props.audio}
        aria-label={t("output.cleanFeed", { name: props.name })}
      />
    </figure>
  );
}
