import type { CallJoinRequest, CallJoinResponse } from "../../../../core/contract/media";
import { api } from "../../lib/api";
import type { LiveConnection } from "../../lib/live-connection";
import type { CallEngine, CallOptions } from "./engine";

/**
 * Joins a call on whichever provider the server uses: asks the join endpoint, then starts the
 * matching engine. The Chime SDK is loaded only here, and only for Chime calls.
 */
export async function joinCall(
  options: { sessionId: string; call?: string; connection: LiveConnection; myName: string } & CallOptions,
): Promise<CallEngine> {
  const mode = options.mode ?? "full";
  const body: CallJoinRequest = {
    ...(options.call ? { call: options.call } : {}),
    ...(mode === "output" ? { output: true } : {}),
  };
  const join = await api<CallJoinResponse>(`/api/sessions/${encodeURIComponent(options.sessionId)}/call/join`, {
    method: "POST",
    body: JSON.stringify(body),
  });
  switch (join.provider) {
    case "mesh": {
      const { MeshEngine } = await import("./mesh");
      const engine = new MeshEngine(options.connection, join.call, join.iceServers, options.myName, mode);
      await engine.start();
      return engine;
    }
    case "chime": {
      const { ChimeEngine } = await import("./chime");
      const engine = new ChimeEngine(options.connection, join, options.myName, {
        mode,
        voiceFocus: options.voiceFocus ?? false,
        playAudio: options.playAudio ?? false,
      });
      await engine.start();
      return engine;
    }
    default:
      return join satisfies never;
  }
}
