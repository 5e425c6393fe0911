import type { RtcSignal } from "../../../../core/protocol/rtc";
import { ConnectWatch } from "./connect-watch";
import { DescriptionAssembler, splitDescription } from "./sdp-parts";

export interface PeerIo {
  send(signal: RtcSignal): void;
  /** A remote stream appeared or changed tracks. */
  onStream(stream: MediaStream): void;
  onStreamEnded(stream: MediaStream): void;
  /** The link did not connect in time, or failed (see `ConnectWatch`); the engine picks the remedy. */
  onStalled(): void;
}

let nonceCounter = 0;
const nextNonce = () => `${Date.now().toString(36)}${(nonceCounter++).toString(36)}`.slice(-16);

/**
 * One peer-to-peer connection of the mesh, using the "perfect negotiation" pattern: either side
 * may renegotiate at any time (screen share on and off), and when both offer at once the polite
 * side rolls back. Signals are handled strictly in order, so a candidate never overtakes the
 * description it belongs to.
 */
export class PeerLink {
  private readonly pc: RTCPeerConnection;
  private makingOffer = false;
  private ignoreOffer = false;
  private localAdded = false;
  private queue: Promise<void> = Promise.resolve();
  private readonly assembler = new DescriptionAssembler();
  private readonly senders = new Map<"audio" | "video", RTCRtpSender>();
  private screenSender: RTCRtpSender | undefined;
  private readonly watch = new ConnectWatch(Date.now());
  private watchTimer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;

  constructor(
    readonly peer: string,
    private readonly polite: boolean,
    iceServers: RTCIceServer[],
    private readonly io: PeerIo,
    private readonly local: () => { camera: MediaStream | undefined; screen: MediaStream | undefined },
  ) {
    this.pc = new RTCPeerConnection({ iceServers });
    this.pc.onnegotiationneeded = () => void this.negotiate();
    this.pc.onicecandidate = ({ candidate }) => {
      if (!candidate) return;
      io.send({
        kind: "candidate",
        candidate: candidate.candidate,
        sdpMid: candidate.sdpMid,
        sdpMLineIndex: candidate.sdpMLineIndex,
        usernameFragment: candidate.usernameFragment,
      });
    };
    this.pc.ontrack = ({ track, streams }) => {
      const stream = streams[0] ?? new MediaStream([track]);
      stream.onremovetrack = () => (stream.getTracks().length === 0 ? io.onStreamEnded(stream) : io.onStream(stream));
      io.onStream(stream);
    };
    this.pc.onconnectionstatechange = () => {
      if (this.watch.observe(this.pc.connectionState, Date.now())) this.io.onStalled();
      this.arm();
    };
    this.arm();
  }

  /** Asks for a new offer with fresh ICE candidates (the remedy for a stalled link in a mesh). */
  restartIce(): void {
    if (this.pc.connectionState !== "closed") this.pc.restartIce();
  }

  private arm(): void {
    clearTimeout(this.watchTimer);
    const due = this.watch.due;
    // A remedy may have closed this link from inside the callback.
    if (due === undefined || this.closed) return;
    this.watchTimer = setTimeout(
      () => {
        if (this.watch.expired(Date.now())) this.io.onStalled();
        this.arm();
      },
      Math.max(0, due - Date.now()),
    );
  }

  /** The side that joined later calls this: adding tracks starts the first negotiation. */
  start(): void {
    this.addLocalTracks();
    // A page with nothing to send (an output) still has to offer: it asks to receive instead.
    if (this.pc.getTransceivers().length === 0) {
      this.pc.addTransceiver("audio", { direction: "recvonly" });
      this.pc.addTransceiver("video", { direction: "recvonly" });
    }
  }

  handle(signal: RtcSignal): void {
    this.queue = this.queue
      .then(() => this.apply(signal))
      .catch((err: unknown) => console.warn(`call: signal from ${this.peer} failed`, err));
  }

  replaceTrack(kind: "audio" | "video", track: MediaStreamTrack): Promise<void> {
    return this.senders.get(kind)?.replaceTrack(track) ?? Promise.resolve();
  }

  setScreen(stream: MediaStream | undefined): void {
    if (this.screenSender) {
      this.pc.removeTrack(this.screenSender);
      this.screenSender = undefined;
    }
    const track = stream?.getVideoTracks()[0];
    if (stream && track && this.localAdded) this.screenSender = this.pc.addTrack(track, stream);
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.watchTimer);
    this.pc.close();
  }

  private addLocalTracks(): void {
    if (this.localAdded) return;
    this.localAdded = true;
    const { camera, screen } = this.local();
    for (const track of camera?.getTracks() ?? [])
      this.senders.set(track.kind as "audio" | "video", this.pc.addTrack(track, camera!));
    this.setScreen(screen);
  }

  private async negotiate(): Promise<void> {
    try {
      this.makingOffer = true;
      await this.pc.setLocalDescription();
      this.sendDescription();
    } catch (err) {
      console.warn(`call: offer to ${this.peer} failed`, err);
    } finally {
      this.makingOffer = false;
    }
  }

  private sendDescription(): void {
    const description = this.pc.localDescription;
    if (!description || (description.type !== "offer" && description.type !== "answer")) return;
    for (const part of splitDescription(description.type, description.sdp, nextNonce())) this.io.send(part);
  }

  private async apply(signal: RtcSignal): Promise<void> {
    switch (signal.kind) {
      case "description": {
        const description = this.assembler.add(this.peer, signal);
        if (!description) return;
        const collision = description.type === "offer" && (this.makingOffer || this.pc.signalingState !== "stable");
        this.ignoreOffer = !this.polite && collision;
        if (this.ignoreOffer) return;
        await this.pc.setRemoteDescription(description);
        if (description.type === "offer") {
          // Answering the first offer: our tracks go onto the transceivers it created.
          this.addLocalTracks();
          await this.pc.setLocalDescription();
          this.sendDescription();
        }
        return;
      }
      case "candidate":
        try {
          await this.pc.addIceCandidate(signal);
        } catch (err) {
          if (!this.ignoreOffer) throw err;
        }
        return;
      default:
        return signal satisfies never;
    }
  }
}
