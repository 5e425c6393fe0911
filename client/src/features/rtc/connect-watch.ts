import type { CallMode } from "./engine";

/** A peer connection's state (`RTCPeerConnectionState`, spelled out so the logic runs without a DOM). */
export type LinkState = "new" | "connecting" | "connected" | "disconnected" | "failed" | "closed";

/**
 * How long a peer connection may take to connect, or stay disconnected, before it counts as
 * stalled. ICE between two browsers connects within a few seconds even through a TURN relay; a
 * link still not connected after this long is waiting for something that will not come (a
 * signal lost with a dropped socket, an offer made to a place that is gone).
 */
export const STALL_MS = 12_000;

/**
 * Watches one peer connection: it must reach `connected` within `STALL_MS` of being made, of
 * dropping to `disconnected`, or of the last remedy; `failed` is stalled at once. Pure: the link
 * feeds it states and a clock, and asks when to look again.
 */
export class ConnectWatch {
  private deadline: number | undefined;

  constructor(
    now: number,
    private readonly stallMs = STALL_MS,
  ) {
    this.deadline = now + stallMs;
  }

  /** When the link should be looked at again, if it still has to prove itself. */
  get due(): number | undefined {
    return this.deadline;
  }

  /** The connection's state changed; returns whether it is stalled now. */
  observe(state: LinkState, now: number): boolean {
    switch (state) {
      case "connected":
      case "closed":
        this.deadline = undefined;
        return false;
      case "failed":
        // The remedy gets its own time to work.
        this.deadline = now + this.stallMs;
        return true;
      case "new":
      case "connecting":
      case "disconnected":
        this.deadline ??= now + this.stallMs;
        return false;
      default:
        return state satisfies never;
    }
  }

  /** The timer fired; returns whether the link is stalled (and starts the remedy's time). */
  expired(now: number): boolean {
    if (this.deadline === undefined || now < this.deadline) return false;
    this.deadline = now + this.stallMs;
    return true;
  }
}

export type StallRemedy = "rejoin" | "restart-ice";

/**
 * What a page does about a stalled link. A matrix sender (`video`) takes a fresh place in the call:
 * it is connected to output pages only, so nobody else notices, and the output builds a new link
 * from scratch (whatever state the old one was stuck in). In a mesh or on an output page a rejoin
 * would cut every other link too, so the link restarts ICE instead (a new offer, new candidates).
 */
export function stallRemedy(mode: CallMode): StallRemedy {
  switch (mode) {
    case "video":
      return "rejoin";
    case "full":
    case "output":
      return "restart-ice";
    default:
      return mode satisfies never;
  }
}
