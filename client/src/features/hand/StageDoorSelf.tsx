import { createResource, Show } from "solid-js";
import type { StageDoorResponse } from "../../../../core/contract/media";
import { api } from "../../lib/api";
import type { LiveSession } from "../session/live";
import { MatrixSelf } from "../matrix/MatrixSelf";
import { RaiseHand } from "./RaiseHand";
import "./stagedoor.css";

/**
 * A participant's stage door in the session they are in: raise a hand (stages with a stream room)
 * and their say in the participants matrix (every session: breakouts can be shown too).
 */
export function StageDoorSelf(props: { live: LiveSession; myName: string }) {
  const [door] = createResource(
    () => props.live.sessionId,
    (id) => api<StageDoorResponse>(`/api/sessions/${encodeURIComponent(id)}/stage-door`),
  );
  return (
    <Show when={door()}>
      {(d) => (
        <div class="stagedoor-self">
          <Show when={d().streamRoomId}>
            <RaiseHand live={props.live} myName={props.myName} />
          </Show>
          <MatrixSelf live={props.live} optedIn={d().matrixOptIn} myName={props.myName} />
        </div>
      )}
    </Show>
  );
}
