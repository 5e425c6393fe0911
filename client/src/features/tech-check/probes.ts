import { median, type BrowserSupport, type NetworkSample } from "./verdicts";

/** Browser feature detection for what Foyer needs. */
export function detectSupport(): BrowserSupport {
  const video = document.createElement("video");
  return {
    webrtc: typeof RTCPeerConnection === "function" && !!navigator.mediaDevices?.getUserMedia,
    mediaSource: "MediaSource" in globalThis || "ManagedMediaSource" in globalThis,
    nativeHls: video.canPlayType("application/vnd.apple.mpegurl") !== "",
    websocket: typeof WebSocket === "function",
    webassembly: typeof WebAssembly === "object",
  };
}

/** Round trips to our edge and a short download, to estimate what the connection carries. */
export async function measureNetwork(signal?: AbortSignal): Promise<NetworkSample> {
  const rtts: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    const res = await fetch(`/api/tech-check/ping?n=${i}-${Date.now()}`, { cache: "no-store", signal });
    // The server's own time (its sign-in check) is not the network's.
    rtts.push(Math.max(0, performance.now() - start - serverMs(res.headers.get("Server-Timing"))));
  }
  const rttMs = median(rtts);
  const bytes = 512 * 1024;
  const start = performance.now();
  const res = await fetch(`/api/tech-check/download?bytes=${bytes}&n=${Date.now()}`, { cache: "no-store", signal });
  const received = (await res.arrayBuffer()).byteLength;
  return { rttMs, downMbps: downloadMbps(received, performance.now() - start, rttMs) };
}

/**
 * Megabits per second of a download that took `elapsedMs`. One round trip is latency, not
 * transfer, so it is taken out, but only while it is clearly the smaller part: on a jittery round
 * trip, taking it out of a download that took about as long would claim thousands of Mbit/s.
 */
export function downloadMbps(bytes: number, elapsedMs: number, rttMs: number): number {
  const transferMs = elapsedMs > 2 * rttMs ? elapsedMs - rttMs : elapsedMs;
  return (bytes * 8) / Math.max(1, transferMs) / 1000;
}

/** The total `dur` of a `Server-Timing` header, in ms (0 without one). */
export function serverMs(header: string | null): number {
  let total = 0;
  for (const m of (header ?? "").matchAll(/dur=([\d.]+)/g)) total += Number(m[1]);
  return Number.isFinite(total) ? total : 0;
}

/** Follows a microphone stream's loudness (RMS, 0…1, once a frame, with the frame's time in ms) until `stop` is called. */
export function watchLevel(stream: MediaStream, onLevel: (rms: number, at: number) => void): () => void {
  const context = new AudioContext();
  const source = context.createMediaStreamSource(stream);
  const analyser = context.createAnalyser();
  analyser.fftSize = 1024;
  source.connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  let frame = 0;
  const tick = () => {
    analyser.getFloatTimeDomainData(samples);
    let sum = 0;
    for (const x of samples) sum += x * x;
    onLevel(Math.sqrt(sum / samples.length), performance.now());
    frame = requestAnimationFrame(tick);
  };
  void context.resume().then(tick);
  return () => {
    cancelAnimationFrame(frame);
    source.disconnect();
    void context.close();
  };
}

/** A short, gentle two-tone chime through the default output, for the speaker test. */
export async function playTestSound(): Promise<void> {
  const context = new AudioContext();
  await context.resume();
  const gain = context.createGain();
  gain.gain.value = 0.15;
  gain.connect(context.destination);
  for (const [frequency, at] of [
    [660, 0],
    [880, 0.35],
  ] as const) {
    const tone = context.createOscillator();
    tone.frequency.value = frequency;
    tone.connect(gain);
    tone.start(context.currentTime + at);
    tone.stop(context.currentTime + at + 0.3);
  }
  await new Promise((r) => setTimeout(r, 800));
  await context.close();
}
