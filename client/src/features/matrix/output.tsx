import { createEffect, createMemo, createSignal, For, onCleanup, Show } from "solid-js";
import { MATRIX_CALL, type MatrixTile } from "../../../../core/protocol";
import { t } from "../../i18n";
import type { CallEngine, CallTile } from "../rtc/engine";
import { useOutputCall } from "../rtc/output-call";
import { useLiveSession, type LiveSession } from "../session/live";
import { defineOutput } from "../session/output";
import { gridFor } from "./grid";

/**
 * The participants matrix: the cameras of the people the session's matrix shows now, as a grid
 * filling 1920×1080, names as lower-thirds with `?names=1`. The page is the centre of a star: in
 * each session the people are in, it joins that session's matrix call as an output, and every
 * person sends it one stream. Only the tiles the matrix lists are drawn: a camera that still
 * arrives for someone just removed is never shown.
 */
export const matrixOutput = defineOutput({ kind: "matrix", View: MatrixOutput });

function MatrixOutput(props: { live: LiveSession }) {
  const names = new URLSearchParams(location.search).get("names") === "1";
  const tiles = () => props.live.state.matrix?.tiles ?? [];
  const sessions = createMemo(() => [...new Set(tiles().map((x) => x.sessionId))], undefined, {
    equals: (a, b) => a.join() === b.join(),
  });
  const [calls, setCalls] = createSignal<ReadonlyMap<string, () => CallEngine | undefined>>(new Map());
  const register = (sessionId: string, engine: (() => CallEngine | undefined) | undefined) =>
    setCalls((m) => {
      const next = new Map(m);
      if (engine) next.set(sessionId, engine);
      else next.delete(sessionId);
      return next;
    });
  const cameraOf = (tile: MatrixTile): CallTile | undefined =>
    calls()
      .get(tile.sessionId)?.()
      ?.tiles()
      .find((x) => x.registrationId === tile.registrationId && x.kind === "camera" && !x.local);
  const grid = () => gridFor(tiles().length);
  const joined = () => [...calls().values()].filter((engine) => engine()?.phase() === "joined").length;
  return (
    <>
      <For each={sessions()}>
        {(sessionId) => (
          <MatrixCall
            sessionId={sessionId}
            coordinator={props.live}
            register={(engine) => register(sessionId, engine)}
          />
        )}
      </For>
      <div
        class="matrix-grid"
        data-count={tiles().length}
        data-calls-joined={joined()}
        style={{
          "grid-template-columns": `repeat(${grid().columns}, ${grid().tileWidth}px)`,
          "grid-auto-rows": `${grid().tileHeight}px`,
        }}
      >
        <For each={tiles()}>{(tile) => <MatrixCell tile={tile} camera={() => cameraOf(tile)} names={names} />}</For>
      </div>
    </>
  );
}

/** The output's place in one session's matrix call (the coordinator's own connection, or one of its own). */
function MatrixCall(props: {
  sessionId: string;
  coordinator: LiveSession;
  register: (engine: (() => CallEngine | undefined) | undefined) => void;
}) {
  const own = props.sessionId === props.coordinator.sessionId;
  const live = own ? props.coordinator : useLiveSession(props.sessionId, { output: true });
  const engine = useOutputCall({
    sessionId: props.sessionId,
    call: MATRIX_CALL,
    connection: live.connection,
    ready: () => live.state.ready,
  });
  props.register(engine);
  onCleanup(() => props.register(undefined));
  return null;
}

function MatrixCell(props: { tile: MatrixTile; camera: () => CallTile | undefined; names: boolean }) {
  let video!: HTMLVideoElement;
  createEffect(() => props.camera()?.attach(video));
  return (
    <figure
      class="matrix-tile"
      data-registration-id={props.tile.registrationId}
      data-video={props.camera() ? "yes" : "no"}
    >
      <video ref={video} autoplay playsinline muted aria-label={t("output.matrixTile", { name: props.tile.name })} />
      <Show when={props.names}>
        <figcaption class="lower-third">{props.tile.name}</figcaption>
      </Show>
    </figure>
  );
}
