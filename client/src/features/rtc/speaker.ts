import { createSignal, type Accessor } from "solid-js";

/** Above this RMS level (0–1) a stream counts as speech; low enough for a quiet voice, above room hiss. */
const SPEAKING_LEVEL = 0.02;
/** The highlight moves only after someone else has been louder for this long, so it does not flicker. */
const HOLD_MS = 800;

/**
 * Finds the active speaker among audio streams by measuring their levels with Web Audio (the
 * mesh has no server to tell us; Chime has its own detector).
 */
export class SpeakerDetector {
  readonly active: Accessor<string | undefined>;
  private readonly setActive: (key: string | undefined) => void;
  private readonly context: AudioContext | undefined;
  private readonly sources = new Map<string, { analyser: AnalyserNode; node: MediaStreamAudioSourceNode }>();
  private readonly timer: ReturnType<typeof setInterval>;
  private candidate: { key: string; since: number } | undefined;
  private readonly buffer = new Float32Array(512);

  constructor() {
    const [active, setActive] = createSignal<string | undefined>();
    this.active = active;
    this.setActive = setActive;
    this.context = typeof AudioContext === "undefined" ? undefined : new AudioContext();
    this.timer = setInterval(() => this.tick(), 200);
  }

  track(key: string, stream: MediaStream): void {
    if (!this.context || this.sources.has(key) || stream.getAudioTracks().length === 0) return;
    void this.context.resume().catch(() => undefined);
    const node = this.context.createMediaStreamSource(stream);
    const analyser = this.context.createAnalyser();
    analyser.fftSize = 512;
    node.connect(analyser);
    this.sources.set(key, { analyser, node });
  }

  untrack(key: string): void {
    const source = this.sources.get(key);
    source?.node.disconnect();
    this.sources.delete(key);
    if (this.active() === key) this.setActive(undefined);
  }

  close(): void {
    clearInterval(this.timer);
    for (const key of [...this.sources.keys()]) this.untrack(key);
    void this.context?.close().catch(() => undefined);
  }

  private tick(): void {
    let loudest: { key: string; level: number } | undefined;
    for (const [key, { analyser }] of this.sources) {
      analyser.getFloatTimeDomainData(this.buffer);
      let sum = 0;
      for (const x of this.buffer) sum += x * x;
      const level = Math.sqrt(sum / this.buffer.length);
      if (level >= SPEAKING_LEVEL && (!loudest || level > loudest.level)) loudest = { key, level };
    }
    const now = performance.now();
    if (!loudest || loudest.key === this.active()) {
      this.candidate = undefined;
      return;
    }
    if (this.candidate?.key !== loudest.key) this.candidate = { key: loudest.key, since: now };
    if (now - this.candidate.since >= HOLD_MS || this.active() === undefined) this.setActive(loudest.key);
  }
}
