/**
 * When a mesh page may send `rtc/join`: only once its own media is open, and once per socket
 * connection. Pure (no DOM), so the orderings that matter are unit-tested.
 *
 * Why both rules. The matrix sender opens a socket of its own and its camera at the same time;
 * the socket's welcome often lands while the camera is still opening. Joining on that welcome
 * put the person in the call without a camera: an output page already there got an offer with
 * nothing to send, and nothing added the camera afterwards. Joining a second time once the camera
 * was open then gave the person a new peer id on the same connection: the output dropped the
 * first place and waited for an offer from the second, while this page kept its link to the
 * first. Either way the output's tile stayed black.
 */
export class JoinGate {
  private mediaReady = false;
  private sentOnThisConnection = false;

  /** Our media is open (or will never be: an output page). Returns whether to send the join now. */
  mediaOpened(socketOpen: boolean): boolean {
    this.mediaReady = true;
    return socketOpen && !this.sentOnThisConnection;
  }

  /**
   * A connection was welcomed (the first, or one after a drop: the server forgot our place with
   * the old connection). Returns whether to send the join now.
   */
  welcomed(): boolean {
    this.sentOnThisConnection = false;
    return this.mediaReady;
  }

  /** A place that is not working is given up for a fresh one (see `PeerLink` stall). */
  mayRejoin(socketOpen: boolean): boolean {
    return this.mediaReady && socketOpen;
  }

  /** The join went out (`ok`) or the socket could not take it (the next welcome sends it). */
  sent(ok: boolean): void {
    if (ok) this.sentOnThisConnection = true;
  }
}
