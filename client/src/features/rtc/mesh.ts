import type { Accessor } from "solid-js";
import { MAIN_CALL } from "../../../../core/contract/media";
import type { RtcMediaState, RtcPeer, ServerFrame } from "../../../../core/protocol";
import { t } from "../../i18n";
import type { LiveConnection } from "../../lib/live-connection";
import type { CallMode, CallTile, DeviceKind } from "./engine";
import { stallRemedy } from "./connect-watch";
import { EngineBase } from "./engine-base";
import { JoinGate } from "./join-gate";
import { listDevices, mediaProblem, openCameraAndMic, setSpeaker } from "./local-media";
import { PeerLink } from "./mesh-peer";
import { SpeakerDetector } from "./speaker";

interface Remote {
  info: RtcPeer;
  link: PeerLink;
  streams: Map<string, MediaStream>;
}

const attachStream = (stream: MediaStream) => (el: HTMLVideoElement) => {
  if (el.srcObject !== stream) el.srcObject = stream;
};

/**
 * The local call provider: a WebRTC mesh, each person connected to every other, signalled through
 * the live connection. The session object relays each signal to its one target.
 */
export class MeshEngine extends EngineBase {
  readonly activeSpeaker: Accessor<string | undefined>;
  private readonly remotes = new Map<string, Remote>();
  private readonly speakers = new SpeakerDetector();
  private camera: MediaStream | undefined;
  private screen: MediaStream | undefined;
  private me: string | undefined;
  private speakerId: string | undefined;
  private readonly gate = new JoinGate();

  constructor(
    connection: LiveConnection,
    call: string = MAIN_CALL,
    private readonly iceServers: RTCIceServer[] = [],
    private readonly myName: string,
    private readonly mode: CallMode = "full",
  ) {
    super(connection, call);
    this.activeSpeaker = this.speakers.active;
  }

  async start(): Promise<void> {
    if (this.mode === "output") {
      // An output page opens no device: it only receives.
      this.setMicOn(false);
      this.setCameraOn(false);
      return this.mediaOpened();
    }
    const { stream, problem } = await openCameraAndMic({}, { videoOnly: this.mode === "video" });
    this.camera = stream;
    this.speakers.track("local", stream);
    this.setMicOn(stream.getAudioTracks().length > 0);
    this.setCameraOn(stream.getVideoTracks().length > 0);
    if (problem) this.setProblem(t(`call.device.${problem}`));
    this.mediaOpened();
  }

  /** Joins only now that there is something to offer; a connection not open yet joins on its welcome. */
  private mediaOpened(): void {
    if (this.gate.mediaOpened(this.connection.state().kind === "open")) this.join();
    this.refresh();
  }

  private join(): void {
    this.gate.sent(
      this.connection.send({
        type: "rtc/join",
        call: this.call,
        ...(this.mode === "output" ? { output: true } : { media: this.media() }),
      }),
    );
    this.refresh();
  }

  /** Gives up our place, and every link with it, for a fresh one. */
  private rejoin(): void {
    for (const peer of [...this.remotes.keys()]) this.disconnect(peer);
    this.setPhase("joining");
    this.join();
  }

  private stalled(peer: string): void {
    const remote = this.remotes.get(peer);
    if (!remote) return;
    const remedy = stallRemedy(this.mode);
    console.warn(`call: the link to ${peer} did not connect; remedy: ${remedy}`);
    switch (remedy) {
      case "rejoin":
        if (this.gate.mayRejoin(this.connection.state().kind === "open")) return this.rejoin();
        // Without a connection there is no fresh place to take: the welcome after the reconnect gives one.
        return;
      case "restart-ice":
        return remote.link.restartIce();
      default:
        return remedy satisfies never;
    }
  }

  private media(): RtcMediaState {
    return {
      audio: this.micOn(),
      video: this.cameraOn(),
      screen: !!this.screen,
      ...(this.screen ? { screenStream: this.screen.id } : {}),
    };
  }

  private announce(): void {
    if (this.mode === "output") return;
    this.connection.send({ type: "rtc/media", call: this.call, media: this.media() });
    this.refresh();
  }

  setMic(on: boolean): void {
    for (const track of this.camera?.getAudioTracks() ?? []) track.enabled = on;
    this.setMicOn(on && (this.camera?.getAudioTracks().length ?? 0) > 0);
    this.announce();
  }

  async setCamera(on: boolean): Promise<void> {
    for (const track of this.camera?.getVideoTracks() ?? []) track.enabled = on;
    this.setCameraOn(on && (this.camera?.getVideoTracks().length ?? 0) > 0);
    this.announce();
  }

  async setSharing(on: boolean): Promise<void> {
    if (on && !this.screen) {
      let screen: MediaStream;
      try {
        screen = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
      } catch (err) {
        // Cancelling the browser's picker is not a problem worth a message.
        if (mediaProblem(err) !== "denied") this.setProblem(t("call.share.failed"));
        return;
      }
      this.screen = screen;
      // The browser's own "Stop sharing" button ends the track.
      screen.getVideoTracks()[0]?.addEventListener("ended", () => void this.setSharing(false));
      this.setSharingOn(true);
      // Tell peers which stream is the screen before the track reaches them.
      this.announce();
      for (const r of this.remotes.values()) r.link.setScreen(screen);
    } else if (!on && this.screen) {
      for (const track of this.screen.getTracks()) track.stop();
      this.screen = undefined;
      this.setSharingOn(false);
      for (const r of this.remotes.values()) r.link.setScreen(undefined);
      this.announce();
    }
  }

  devices = listDevices;

  async useDevice(kind: DeviceKind, deviceId: string): Promise<void> {
    if (kind === "audiooutput") {
      this.speakerId = deviceId;
      for (const el of document.querySelectorAll<HTMLVideoElement>("video[data-remote]"))
        await setSpeaker(el, deviceId);
      return;
    }
    const constraints =
      kind === "audioinput"
        ? { audio: { deviceId: { exact: deviceId } } }
        : { video: { deviceId: { exact: deviceId } } };
    const fresh = await navigator.mediaDevices.getUserMedia(constraints);
    const track = (kind === "audioinput" ? fresh.getAudioTracks() : fresh.getVideoTracks())[0];
    if (!track || !this.camera) return;
    const old = kind === "audioinput" ? this.camera.getAudioTracks()[0] : this.camera.getVideoTracks()[0];
    track.enabled = kind === "audioinput" ? this.micOn() : this.cameraOn();
    if (old) {
      this.camera.removeTrack(old);
      old.stop();
    }
    this.camera.addTrack(track);
    await Promise.all(
      [...this.remotes.values()].map((r) => r.link.replaceTrack(track.kind as "audio" | "video", track)),
    );
    if (kind === "audioinput") {
      this.speakers.untrack("local");
      this.speakers.track("local", this.camera);
    }
    this.refresh();
  }

  protected release(): void {
    for (const r of this.remotes.values()) r.link.close();
    this.remotes.clear();
    for (const track of [...(this.camera?.getTracks() ?? []), ...(this.screen?.getTracks() ?? [])]) track.stop();
    this.camera = this.screen = undefined;
    this.speakers.close();
  }

  private connect(info: RtcPeer, initiator: boolean): Remote {
    const existing = this.remotes.get(info.peer);
    if (existing) return existing;
    const remote: Remote = {
      info,
      streams: new Map(),
      link: new PeerLink(
        info.peer,
        // Exactly one side of each pair is polite; the ids decide which.
        (this.me ?? "") < info.peer,
        this.iceServers,
        {
          send: (signal) => this.connection.send({ type: "rtc/signal", call: this.call, to: info.peer, signal }),
          onStream: (stream) => {
            remote.streams.set(stream.id, stream);
            this.speakers.track(info.peer, stream);
            this.refresh();
          },
          onStreamEnded: (stream) => {
            remote.streams.delete(stream.id);
            this.refresh();
          },
          onStalled: () => this.stalled(info.peer),
        },
        () => ({ camera: this.camera, screen: this.screen }),
      ),
    };
    this.remotes.set(info.peer, remote);
    if (initiator) remote.link.start();
    return remote;
  }

  private disconnect(peer: string): void {
    const remote = this.remotes.get(peer);
    remote?.link.close();
    this.remotes.delete(peer);
    this.speakers.untrack(peer);
    this.refresh();
  }

  protected onFrame(frame: ServerFrame): void {
    switch (frame.type) {
      case "welcome":
        // A new connection: any old place in the call went with the old one. Take a (first or new)
        // place now, unless our media is still opening: then `start` joins once it is open.
        if (this.gate.welcomed()) this.rejoin();
        return;
      case "rtc/joined":
        // A new place, a new peer id: links made for an earlier place lead to peers that already
        // dropped it (they saw it leave), so each pair starts over.
        for (const peer of [...this.remotes.keys()]) this.disconnect(peer);
        this.me = frame.you;
        this.joined();
        for (const peer of frame.peers) this.connect(peer, true);
        return this.refresh();
      case "rtc/peer-joined":
        this.connect(frame.peer, false);
        return this.refresh();
      case "rtc/peer-left":
        return this.disconnect(frame.peer);
      case "rtc/signal": {
        const remote = this.remotes.get(frame.from);
        if (remote) remote.link.handle(frame.signal);
        return;
      }
      case "rtc/media": {
        const remote = this.remotes.get(frame.peer);
        if (remote) remote.info = { ...remote.info, media: frame.media };
        return this.refresh();
      }
      default:
        return;
    }
  }

  /** Rebuilds the tile list from the local streams and every peer's streams and media state. */
  private refresh(): void {
    const tiles: CallTile[] = [];
    if (this.camera) {
      tiles.push({
        key: "local",
        name: this.myName,
        kind: "camera",
        local: true,
        audio: this.micOn(),
        video: this.cameraOn(),
        attach: attachStream(this.camera),
      });
    }
    if (this.screen) {
      tiles.push({
        key: "local:screen",
        name: this.myName,
        kind: "screen",
        local: true,
        audio: false,
        video: true,
        attach: attachStream(this.screen),
      });
    }
    for (const { info, streams } of this.remotes.values()) {
      // Output pages send nothing and are not people in the call.
      if (info.output) continue;
      const screenId = info.media.screen ? info.media.screenStream : undefined;
      const camera = [...streams.values()].find((s) => s.id !== screenId);
      const screen = screenId ? streams.get(screenId) : undefined;
      const speaker = this.speakerId;
      tiles.push({
        key: info.peer,
        registrationId: info.registrationId,
        name: info.name,
        kind: "camera",
        local: false,
        audio: info.media.audio,
        video: info.media.video && !!camera?.getVideoTracks().length,
        attach: (el) => {
          if (camera) attachStream(camera)(el);
          if (speaker) void setSpeaker(el, speaker).catch(() => undefined);
        },
      });
      if (screen)
        tiles.push({
          key: `${info.peer}:screen`,
          name: info.name,
          kind: "screen",
          local: false,
          audio: false,
          video: true,
          attach: attachStream(screen),
        });
    }
    this.setTiles(tiles);
  }
}
