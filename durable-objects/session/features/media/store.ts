import type { StageStatusValue } from "../../../../core/protocol/stage";
import type { RoomContext } from "../../../runtime/context";
import { sessionMeta, setSessionMeta } from "../../kind";

/** The stage's broadcast status, kept with the session's meta (the IVS poll updates it). */
export interface StoredStageStatus {
  status: StageStatusValue;
  since: number | null;
}

export function stageStatus(room: RoomContext): StoredStageStatus | undefined {
  const raw = sessionMeta(room, "stage_status");
  return raw ? (JSON.parse(raw) as StoredStageStatus) : undefined;
}

export function setStageStatus(room: RoomContext, status: StoredStageStatus): void {
  setSessionMeta(room, "stage_status", JSON.stringify(status));
}
