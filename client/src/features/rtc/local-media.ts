import type { DeviceChoice, DeviceKind } from "./engine";

/** 360p is plenty for a tile and keeps a six-way mesh within a laptop's upload. */
export const CAMERA_CONSTRAINTS: MediaTrackConstraints = {
  width: { ideal: 640 },
  height: { ideal: 360 },
  frameRate: { ideal: 24 },
};

export type MediaProblem = "denied" | "missing" | "busy" | "other";

export function mediaProblem(err: unknown): MediaProblem {
  const name = err instanceof DOMException ? err.name : "";
  if (name === "NotAllowedError" || name === "SecurityError") return "denied";
  if (name === "NotFoundError" || name === "OverconstrainedError") return "missing";
  if (name === "NotReadableError" || name === "AbortError") return "busy";
  return "other";
}

/**
 * Voices in a call: the browser's own echo cancellation and noise suppression, asked for
 * explicitly (a viewer with the stage playing in another tab must not send it back into the call).
 */
export const VOICE_CONSTRAINTS: MediaTrackConstraints = {
  echoCancellation: true,
  noiseSuppression: true,
  autoGainControl: true,
};

/**
 * Camera and microphone, degrading step by step: both, then microphone only, then nothing (the
 * person can still see and hear the others). Returns the stream and what went wrong, if anything.
 * `videoOnly`: the camera alone (the matrix shows faces, never sound).
 */
export async function openCameraAndMic(
  devices: { audio?: string; video?: string } = {},
  { videoOnly = false } = {},
): Promise<{ stream: MediaStream; problem?: MediaProblem }> {
  const audio: MediaTrackConstraints | false = videoOnly
    ? false
    : { ...VOICE_CONSTRAINTS, ...(devices.audio ? { deviceId: { exact: devices.audio } } : {}) };
  const video: MediaTrackConstraints = {
    ...CAMERA_CONSTRAINTS,
    ...(devices.video ? { deviceId: { exact: devices.video } } : {}),
  };
  try {
    return { stream: await navigator.mediaDevices.getUserMedia({ audio, video }) };
  } catch (first) {
    try {
      if (!audio) throw first;
      return { stream: await navigator.mediaDevices.getUserMedia({ audio }), problem: mediaProblem(first) };
    } catch {
      return { stream: new MediaStream(), problem: mediaProblem(first) };
    }
  }
}

export async function listDevices(): Promise<DeviceChoice[]> {
  const all = await navigator.mediaDevices.enumerateDevices();
  const kinds: readonly DeviceKind[] = ["audioinput", "videoinput", "audiooutput"];
  return all
    .filter((d) => (kinds as readonly string[]).includes(d.kind) && d.deviceId !== "")
    .map((d, i) => ({ kind: d.kind as DeviceKind, deviceId: d.deviceId, label: d.label || `${d.kind} ${i + 1}` }));
}

/** Plays remote sound on the chosen speaker where the browser allows choosing (Chromium). */
export async function setSpeaker(el: HTMLMediaElement, deviceId: string): Promise<void> {
  const sinkable = el as HTMLMediaElement & { setSinkId?: (id: string) => Promise<void> };
  await sinkable.setSinkId?.(deviceId);
}
