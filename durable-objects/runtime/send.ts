import type { ServerFrame } from "../../core/protocol";

/** Sends one frame. A socket that is already closing is skipped: its close handler cleans up. */
export function send(ws: WebSocket, frame: ServerFrame): void {
  sendRaw(ws, JSON.stringify(frame));
}

/** Sends JSON made earlier (a cached snapshot, a replay assembled from the log). */
export function sendRaw(ws: WebSocket, json: string): void {
  try {
    ws.send(json);
  } catch {
    // closed or closing
  }
}
