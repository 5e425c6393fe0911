import { createEffect, Show } from "solid-js";
import { t } from "../../i18n";
import type { CallTile } from "./engine";

/** One person's camera or screen. The video element stays even with the camera off: it carries their sound. */
export function VideoTile(props: { tile: CallTile; speaking: boolean }) {
  let video!: HTMLVideoElement;
  createEffect(() => props.tile.attach(video));
  const label = () =>
    props.tile.kind === "screen"
      ? t("call.tile.screen", { name: props.tile.name })
      : props.tile.local
        ? t("call.tile.you", { name: props.tile.name })
        : props.tile.name;
  return (
    <figure
      class="call-tile"
      data-kind={props.tile.kind}
      data-local={props.tile.local ? "yes" : "no"}
      data-speaking={props.speaking ? "yes" : "no"}
      data-video={props.tile.video ? "on" : "off"}
      aria-label={label()}
    >
      <video
        ref={video}
        autoplay
        playsinline
        // Our own microphone must never play back to us.
        muted={props.tile.local}
        {...(props.tile.local ? {} : { "data-remote": "" })}
        classList={{ mirrored: props.tile.local && props.tile.kind === "camera" }}
      />
      <Show when={!props.tile.video}>
        <div class="call-tile-placeholder" aria-hidden="true">
          {props.tile.name.slice(0, 1).toUpperCase()}
        </div>
      </Show>
      <figcaption>
        {label()}
        <Show when={props.tile.kind === "camera" && !props.tile.audio}>
          <span class="call-tile-muted">{t("call.tile.muted")}</span>
        </Show>
        <Show when={props.speaking}>
          <span class="visually-hidden">{t("call.tile.speaking")}</span>
        </Show>
      </figcaption>
    </figure>
  );
}
