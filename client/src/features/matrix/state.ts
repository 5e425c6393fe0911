import type { MatrixView } from "../../../../core/protocol";
import { defineSlice } from "../session/slice";
import { mergeBy, mergeInto } from "../session/upsert";

/**
 * The matrix is sent whole on every change and on its periodic look for arrivals; its tiles keep
 * their identity by person, so the output page's videos are never rebuilt (a blank on air).
 */
function applyMatrix(s: { matrix: MatrixView | null }, next: MatrixView | null): void {
  if (!next || !s.matrix) {
    s.matrix = next;
    return;
  }
  s.matrix = mergeInto(s.matrix, {
    ...next,
    tiles: mergeBy(s.matrix.tiles, next.tiles, (x) => `${x.sessionId}/${x.registrationId}`),
  });
}

export const matrix = defineSlice({
  feature: "matrix",
  /** Staff only: the participants matrix of this session's output. */
  empty: () => ({ matrix: null as MatrixView | null }),
  mine: () => ({ matrix: { shown: false, by: null } }),
  snapshot(s, snap) {
    applyMatrix(s, snap.matrix ?? null);
  },
  events: {
    "matrix/state"(s, e) {
      applyMatrix(s, e.matrix);
    },
  },
  frames: {
    "matrix/shown"(s, f) {
      s.me.matrix = { shown: f.shown, by: f.by };
    },
  },
});
