import type { Accessor } from "solid-js";

/**
 * One interface over both call providers (local peer-to-peer mesh, Amazon Chime SDK), so the call
 * view never knows which it runs on.
 */
export interface CallTile {
  /** Stable while the tile exists. */
  key: string;
  /** Whose tile it is (output pages pick people by it). */
  registrationId?: string;
  name: string;
  kind: "camera" | "screen";
  local: boolean;
  /** Their microphone / camera is on (as they told us). */
  audio: boolean;
  video: boolean;
  /** Shows the tile's media in a video element (and plays its sound, unless local). */
  attach(el: HTMLVideoElement): void;
}

/**
 * How a page takes part in a call: `full` (camera and microphone, the usual), `output` (a producer
 * output page: receives only, takes nobody's place), `video` (sends the camera only and receives
 * nothing: a participant shown in the matrix).
 */
export type CallMode = "full" | "output" | "video";

export interface CallOptions {
  mode?: CallMode;
  /** Amazon Voice Focus noise suppression on the microphone (Chime only; the stream room). */
  voiceFocus?: boolean;
  /** An output page plays the call's sound (Chime; with the mesh the page's video elements decide). */
  playAudio?: boolean;
}

export type CallPhase = "joining" | "joined" | "left" | "removed" | "replaced" | "ended" | "failed";

export type DeviceKind = "audioinput" | "videoinput" | "audiooutput";

export interface DeviceChoice {
  kind: DeviceKind;
  deviceId: string;
  label: string;
}

export interface CallEngine {
  readonly phase: Accessor<CallPhase>;
  /** A sentence for the person when something went wrong (already translated). */
  readonly problem: Accessor<string | undefined>;
  readonly tiles: Accessor<CallTile[]>;
  /** Key of the tile whose person is speaking now. */
  readonly activeSpeaker: Accessor<string | undefined>;
  readonly micOn: Accessor<boolean>;
  readonly cameraOn: Accessor<boolean>;
  readonly sharing: Accessor<boolean>;
  setMic(on: boolean): void;
  setCamera(on: boolean): Promise<void>;
  setSharing(on: boolean): Promise<void>;
  devices(): Promise<DeviceChoice[]>;
  useDevice(kind: DeviceKind, deviceId: string): Promise<void>;
  leave(): void;
}

/**
 * The one way out of a call that belongs to something bigger (a 1:1 chat, the studio): it takes
 * the place of the call's own "Leave", so nobody has to guess which of two buttons ends what.
 */
export interface CallExit {
  /** The button's words ("End the chat"). */
  label: string;
  /** Its accessible name when the words alone do not say enough; starts with `label`. */
  name?: string;
  /** What happens, read out after the name ("Ends the video call for both of you."). */
  hint: string;
  busy?: boolean;
  run(): void;
}
