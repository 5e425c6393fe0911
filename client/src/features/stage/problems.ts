import type { PlayerError } from "amazon-ivs-player";

export const PlayerProblems = ["offline", "busy", "network", "forbidden", "unsupported", "failed"] as const;
export type PlayerProblem = (typeof PlayerProblems)[number];

/**
 * What a player error means to a viewer. (Offline, the player's telemetry request fails too; it
 * does not raise a player error, so it never shows here.)
 */
export function playerProblem(err: PlayerError): PlayerProblem {
  // ErrorType is a string enum; compare its values without importing the (lazy) module.
  switch (err.type as string) {
    case "ErrorNotAvailable":
      return err.code === 429 ? "busy" : "offline";
    case "ErrorNetwork":
    case "ErrorNetworkIO":
    case "ErrorTimeout":
      return err.code === 404 ? "offline" : "network";
    case "ErrorAuthorization":
      return "forbidden";
    case "ErrorNotSupported":
      return "unsupported";
    default:
      return "failed";
  }
}
