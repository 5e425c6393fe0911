import {
  ConsoleLogger,
  DefaultActiveSpeakerPolicy,
  DefaultDeviceController,
  DefaultMeetingSession,
  LogLevel,
  MeetingSessionConfiguration,
  MeetingSessionStatusCode,
  NoVideoDownlinkBandwidthPolicy,
  VoiceFocusDeviceTransformer,
  type AudioInputDevice,
  type AudioVideoFacade,
  type MeetingSessionStatus,
  type VideoTileState,
} from "amazon-chime-sdk-js";
import { createSignal, type Accessor } from "solid-js";
import type { CallJoinResponse } from "../../../../core/contract/media";
import type { ServerFrame } from "../../../../core/protocol";
import { t } from "../../i18n";
import type { LiveConnection } from "../../lib/live-connection";
import type { CallMode, CallTile, DeviceChoice, DeviceKind } from "./engine";
import { EngineBase } from "./engine-base";
import { listDevices, mediaProblem, VOICE_CONSTRAINTS } from "./local-media";

type ChimeJoin = Extract<CallJoinResponse, { provider: "chime" }>;

/**
 * The cloud call provider: the Amazon Chime SDK for JavaScript (loaded only when a Chime call
 * starts). Media goes to AWS; the live connection still carries the roster (names, removals).
 */
export class ChimeEngine extends EngineBase {
  readonly activeSpeaker: Accessor<string | undefined>;
  private readonly setActive: (k: string | undefined) => void;
  private readonly av: AudioVideoFacade;
  private readonly devicesController: DefaultDeviceController;
  /** Video tiles by Chime tile id. */
  private readonly videoTiles = new Map<number, VideoTileState>();
  /** People present (attendee id → registration id). */
  private readonly present = new Map<string, string>();
  private readonly muted = new Map<string, boolean>();
  /** Names from the session roster, by registration id. */
  private readonly names = new Map<string, string>();
  private readonly audioEl = document.createElement("audio");

  private readonly mode: CallMode;
  private readonly voiceFocus: boolean;
  private readonly playSound: boolean;
  private readonly logger = new ConsoleLogger("foyer-call", LogLevel.WARN);

  constructor(
    connection: LiveConnection,
    private readonly join: ChimeJoin,
    private readonly myName: string,
    options: { mode: CallMode; voiceFocus: boolean; playAudio: boolean },
  ) {
    super(connection, join.call);
    this.mode = options.mode;
    this.voiceFocus = options.voiceFocus;
    this.playSound = options.playAudio;
    [this.activeSpeaker, this.setActive] = createSignal<string>();
    this.devicesController = new DefaultDeviceController(this.logger);
    const configuration = new MeetingSessionConfiguration({ Meeting: join.meeting }, { Attendee: join.attendee });
    // A participant shown in the matrix sends their camera and receives no one's video.
    if (this.mode === "video") configuration.videoDownlinkBandwidthPolicy = new NoVideoDownlinkBandwidthPolicy();
    this.av = new DefaultMeetingSession(configuration, this.logger, this.devicesController).audioVideo;
    this.names.set(join.attendee.ExternalUserId, myName);
  }

  /**
   * The microphone with noise suppression: Amazon Voice Focus where the browser (and our CSP)
   * lets the SDK load it from AWS's CDN, else the browser's own suppression and echo cancellation.
   */
  private async microphone(deviceId: string): Promise<AudioInputDevice> {
    const plain = { ...VOICE_CONSTRAINTS, deviceId: { exact: deviceId } };
    if (!this.voiceFocus) return plain;
    try {
      if (!(await VoiceFocusDeviceTransformer.isSupported(undefined, { logger: this.logger }))) return plain;
      const transformer = await VoiceFocusDeviceTransformer.create({}, { logger: this.logger });
      return (await transformer.createTransformDevice(plain)) ?? plain;
    } catch (err) {
      console.warn("call: Voice Focus is not available here; using the browser's noise suppression", err);
      return plain;
    }
  }

  async start(): Promise<void> {
    this.av.addObserver({
      audioVideoDidStart: () => this.joined(),
      audioVideoDidStop: (status) => this.stopped(status),
      videoTileDidUpdate: (state) => {
        if (state.tileId === null) return;
        this.videoTiles.set(state.tileId, state);
        this.refresh();
      },
      videoTileWasRemoved: (tileId) => {
        this.videoTiles.delete(tileId);
        this.refresh();
      },
    });
    this.av.realtimeSubscribeToAttendeeIdPresence((attendeeId, present, externalUserId) => {
      if (present && externalUserId) {
        this.present.set(attendeeId, externalUserId);
        this.av.realtimeSubscribeToVolumeIndicator(attendeeId, (_id, _volume, muted) => {
          if (muted !== null) this.muted.set(attendeeId, muted);
          this.refresh();
        });
      } else {
        this.present.delete(attendeeId);
      }
      this.refresh();
    });
    this.av.subscribeToActiveSpeakerDetector(new DefaultActiveSpeakerPolicy(), (ids) => this.setActive(ids[0]));
    // An output page opens no device; a matrix sender only its camera.
    const [mic] = this.mode === "full" ? await this.devicesController.listAudioInputDevices() : [];
    const [cam] = this.mode === "output" ? [] : await this.devicesController.listVideoInputDevices();
    try {
      if (mic) await this.av.startAudioInput(await this.microphone(mic.deviceId));
      else this.setMicOn(false);
      if (cam) await this.av.startVideoInput(cam.deviceId);
      else this.setCameraOn(false);
    } catch (err) {
      this.setProblem(t(`call.device.${mediaProblem(err)}`));
    }
    if (this.mode === "full" || this.playSound) await this.av.bindAudioElement(this.audioEl);
    this.av.start();
    if (cam) this.av.startLocalVideoTile();
    this.connection.send(
      this.mode === "output"
        ? { type: "rtc/join", call: this.call, output: true }
        : { type: "rtc/join", call: this.call, media: { audio: this.micOn(), video: this.cameraOn(), screen: false } },
    );
  }

  setMic(on: boolean): void {
    if (on) this.av.realtimeUnmuteLocalAudio();
    else this.av.realtimeMuteLocalAudio();
    this.setMicOn(on);
    this.announce();
  }

  async setCamera(on: boolean): Promise<void> {
    if (on) {
      const [cam] = await this.devicesController.listVideoInputDevices();
      if (!cam) return;
      await this.av.startVideoInput(cam.deviceId);
      this.av.startLocalVideoTile();
    } else {
      this.av.stopLocalVideoTile();
      await this.av.stopVideoInput();
    }
    this.setCameraOn(on);
    this.announce();
  }

  async setSharing(on: boolean): Promise<void> {
    try {
      if (on) await this.av.startContentShareFromScreenCapture();
      else this.av.stopContentShare();
      this.setSharingOn(on);
    } catch (err) {
      if (mediaProblem(err) !== "denied") this.setProblem(t("call.share.failed"));
    }
  }

  devices(): Promise<DeviceChoice[]> {
    return listDevices();
  }

  async useDevice(kind: DeviceKind, deviceId: string): Promise<void> {
    if (kind === "audioinput") await this.av.startAudioInput(deviceId);
    else if (kind === "videoinput") await this.av.startVideoInput(deviceId);
    else await this.av.chooseAudioOutput(deviceId);
  }

  private announce(): void {
    if (this.mode === "output") return;
    this.connection.send({
      type: "rtc/media",
      call: this.call,
      media: { audio: this.micOn(), video: this.cameraOn(), screen: this.sharing() },
    });
  }

  protected release(): void {
    this.av.stop();
    void this.av.stopVideoInput().catch(() => undefined);
    void this.av.stopAudioInput().catch(() => undefined);
  }

  private stopped(status: MeetingSessionStatus): void {
    const code = status.statusCode();
    if (code === MeetingSessionStatusCode.MeetingEnded) return this.finish("ended");
    if (code === MeetingSessionStatusCode.AudioJoinedFromAnotherDevice) {
      this.setProblem(t("call.replaced"));
      return this.finish("replaced");
    }
    if (code === MeetingSessionStatusCode.Left) return this.finish("left");
    this.setProblem(t("call.lost"));
    this.finish("failed");
  }

  protected onFrame(frame: ServerFrame): void {
    switch (frame.type) {
      case "rtc/joined":
        for (const p of frame.peers) this.names.set(p.registrationId, p.name);
        return this.refresh();
      case "rtc/peer-joined":
        this.names.set(frame.peer.registrationId, frame.peer.name);
        return this.refresh();
      default:
        return;
    }
  }

  private refresh(): void {
    const tiles: CallTile[] = [];
    const withVideo = new Set<string>();
    for (const state of this.videoTiles.values()) {
      const tileId = state.tileId!;
      const attendee = state.boundAttendeeId ?? "";
      const registrationId = state.boundExternalUserId ?? "";
      const content = state.isContent;
      if (!content) withVideo.add(attendee);
      tiles.push({
        key: content ? `${attendee}:screen` : attendee,
        registrationId: registrationId.split("#")[0]!,
        name: state.localTile ? this.myName : (this.names.get(registrationId.split("#")[0]!) ?? t("call.someone")),
        kind: content ? "screen" : "camera",
        local: state.localTile,
        audio: state.localTile ? this.micOn() : !this.muted.get(attendee),
        video: true,
        attach: (el) => this.av.bindVideoElement(tileId, el),
      });
    }
    // People without a camera still get a tile with their name.
    for (const [attendee, registrationId] of this.present) {
      // Screen shares and output pages are not people in the call.
      if (withVideo.has(attendee) || registrationId.includes("#")) continue;
      const local = attendee === this.join.attendee.AttendeeId;
      if (local && this.mode === "output") continue;
      tiles.push({
        key: attendee,
        registrationId,
        name: local ? this.myName : (this.names.get(registrationId) ?? t("call.someone")),
        kind: "camera",
        local,
        audio: local ? this.micOn() : !this.muted.get(attendee),
        video: false,
        attach: () => undefined,
      });
    }
    this.setTiles(tiles);
  }
}
