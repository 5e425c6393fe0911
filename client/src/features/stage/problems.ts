import type { PlayerError } from "amazon-ivs-player";

export const PlayerProblems = ["offline", "busy", "network", "forbidden", "unsupported", "failed"] as const;
export type PlayerProblem = (typeof PlayerProblems)[number];

/** Problems that can pass by themselves, so the player loads again (the rest need a person). */
export function isPassing(problem: PlayerProblem): boolean {
  switch (problem) {
    case "offline":
    case "busy":
    case "network":
    case "failed":
      return true;
    case "forbidden":
    case "unsupported":
      return false;
  }
}

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
