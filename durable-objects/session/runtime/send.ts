import type { ServerFrame } from "../protocol";

/** Sends one frame. A socket that is already closing is skipped: its close handler cleans up. */
export function send(ws: WebSocket, frame: ServerFrame): void {
  try {
    ws.send(JSON.stringify(frame));
  } catch {
    // closed or closing
  }
}
