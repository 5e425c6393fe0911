import { createResource, createSignal, Show } from "solid-js";
import type { StageDoorResponse } from "../../../../core/contract/media";
import { t } from "../../i18n";
import { api } from "../../lib/api";
import type { LiveSession } from "../session/live";
import { MatrixControls } from "../matrix/MatrixControls";
import { HandQueue } from "./HandQueue";
import { Studio } from "./Studio";
import "./stagedoor.css";

/**
 * Staff's stage door for this session (loaded only for staff): the raise-hand queue and the
 * studio call (stages with a stream room), the participants matrix, and the output pages a
 * producer captures. Moderators act; producers see the same and talk in the studio.
 */
export default function StageDoorPanel(props: { live: LiveSession }) {
  const moderator = () => props.live.state.you?.role === "moderator";
  const [door] = createResource(
    () => props.live.sessionId,
    (id) => api<StageDoorResponse>(`/api/sessions/${encodeURIComponent(id)}/stage-door`),
  );
  const [inStudio, setInStudio] = createSignal(false);
  let joinButton: HTMLButtonElement | undefined;
  const output = (kind: string, query = "") => `/output/${encodeURIComponent(props.live.sessionId)}/${kind}${query}`;
  return (
    <div class="stagedoor-panel">
      <h2 class="visually-hidden">{t("stagedoor.heading")}</h2>
      <Show when={door()?.streamRoomId}>
        {(room) => (
          <>
            <HandQueue live={props.live} moderator={moderator()} />
            <section class="card stagedoor" aria-labelledby="studio-join-heading">
              <h3 id="studio-join-heading">{t("studio.title")}</h3>
              {/* One action in (the studio joins its call at once), one out (inside the studio). */}
              <Show
                when={inStudio()}
                fallback={
                  <button type="button" class="primary" ref={joinButton} onClick={() => setInStudio(true)}>
                    {t("studio.open")}
                  </button>
                }
              >
                <Studio
                  streamRoomId={room()}
                  myName={props.live.state.you?.name ?? ""}
                  guest={false}
                  onLeave={() => {
                    setInStudio(false);
                    // The button that was pressed is gone with the studio: focus goes back to the way in.
                    joinButton?.focus();
                  }}
                />
              </Show>
            </section>
          </>
        )}
      </Show>
      <Show when={door()}>
        {(d) => <MatrixControls live={props.live} moderator={moderator()} maxTiles={d().matrixMaxTiles} />}
      </Show>
      <section class="card stagedoor" aria-labelledby="stagedoor-outputs">
        <h3 id="stagedoor-outputs">{t("stagedoor.outputs")}</h3>
        <p class="muted small">{t("stagedoor.outputsNote")}</p>
        <ul>
          <Show when={door()?.streamRoomId}>
            <li>
              <a href={output("clean-feed")} target="_blank" rel="noopener">
                {t("stagedoor.output.cleanFeed")}
              </a>
            </li>
          </Show>
          <li>
            <a href={output("matrix", "?names=1")} target="_blank" rel="noopener">
              {t("stagedoor.output.matrix")}
            </a>
          </li>
        </ul>
      </section>
    </div>
  );
}
