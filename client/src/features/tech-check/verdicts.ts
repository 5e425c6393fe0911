import { heard } from "./level";

/**
 * Pure tech-check verdicts: what counts as pass, warn and fail, and the overall result. Kept free
 * of browser APIs so the thresholds are unit-tested.
 */
export type Verdict = "pass" | "warn" | "fail";
export type CheckId = "browser" | "camera" | "microphone" | "speakers" | "network";

export interface CheckResult {
  id: CheckId;
  verdict: Verdict;
  /** Catalogue key of the plain-language explanation or fix. */
  messageKey: string;
  /** Values for the message's placeholders. */
  params?: Record<string, string | number>;
}

export interface BrowserSupport {
  webrtc: boolean;
  mediaSource: boolean;
  nativeHls: boolean;
  websocket: boolean;
  webassembly: boolean;
}

export function browserVerdict(s: BrowserSupport): CheckResult {
  if (!s.websocket) return { id: "browser", verdict: "fail", messageKey: "techCheck.browser.noWebsocket" };
  if (!s.mediaSource && !s.nativeHls)
    return { id: "browser", verdict: "fail", messageKey: "techCheck.browser.noVideo" };
  if (!s.webrtc) return { id: "browser", verdict: "warn", messageKey: "techCheck.browser.noWebrtc" };
  if (!s.webassembly) return { id: "browser", verdict: "warn", messageKey: "techCheck.browser.noWasm" };
  return { id: "browser", verdict: "pass", messageKey: "techCheck.browser.ok" };
}

/** getUserMedia failures by DOMException name, with the fix a person can act on. */
export function deviceErrorVerdict(id: "camera" | "microphone", errorName: string): CheckResult {
  switch (errorName) {
    case "NotAllowedError":
    case "SecurityError":
      return { id, verdict: "fail", messageKey: `techCheck.${id}.denied` };
    case "NotFoundError":
    case "OverconstrainedError":
      // You can still watch the stages and chat without a camera or microphone.
      return { id, verdict: "warn", messageKey: `techCheck.${id}.missing` };
    case "NotReadableError":
    case "AbortError":
      return { id, verdict: "fail", messageKey: `techCheck.${id}.busy` };
    default:
      return { id, verdict: "fail", messageKey: `techCheck.${id}.failed` };
  }
}

/** From the level the meter shows (see `level.ts`): a working, unmuted microphone picks up something. */
export function microphoneVerdict(level: number): CheckResult {
  return heard(level)
    ? { id: "microphone", verdict: "pass", messageKey: "techCheck.microphone.ok" }
    : { id: "microphone", verdict: "warn", messageKey: "techCheck.microphone.silent" };
}

export interface NetworkSample {
  /** Median round trip to our edge, in milliseconds. */
  rttMs: number;
  /** Measured download throughput, in megabits per second. */
  downMbps: number;
}

/**
 * 2.5 Mbps carries the 720p rendition and a call comfortably; under 0.8 Mbps only the lowest
 * renditions play. A round trip over 400 ms makes calls awkward.
 */
export function networkVerdict(s: NetworkSample): CheckResult {
  const params = { rtt: Math.round(s.rttMs), mbps: s.downMbps.toFixed(1) };
  if (s.downMbps < 0.8) return { id: "network", verdict: "fail", messageKey: "techCheck.network.slow", params };
  if (s.downMbps < 2.5 || s.rttMs > 400)
    return { id: "network", verdict: "warn", messageKey: "techCheck.network.limited", params };
  return { id: "network", verdict: "pass", messageKey: "techCheck.network.ok", params };
}

export function overall(results: readonly CheckResult[]): Verdict {
  if (results.some((r) => r.verdict === "fail")) return "fail";
  if (results.some((r) => r.verdict === "warn")) return "warn";
  return "pass";
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
