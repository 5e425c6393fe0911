import { describe, expect, it } from "vitest";
import { downloadMbps, serverMs } from "../../client/src/features/tech-check/probes";
import {
  browserVerdict,
  deviceErrorVerdict,
  median,
  microphoneVerdict,
  networkVerdict,
  overall,
} from "../../client/src/features/tech-check/verdicts";
import { barFill, HEARD_FILL, HEARD_RMS, heard, nextLevel } from "../../client/src/features/tech-check/level";

const modern = { webrtc: true, mediaSource: true, nativeHls: false, websocket: true, webassembly: true };

describe("tech check verdicts", () => {
  it("passes a modern browser and fails one that cannot play the stream", () => {
    expect(browserVerdict(modern).verdict).toBe("pass");
    expect(browserVerdict({ ...modern, mediaSource: false })).toMatchObject({
      verdict: "fail",
      messageKey: "techCheck.browser.noVideo",
    });
    // Safari on iPhone plays HLS natively without Media Source.
    expect(browserVerdict({ ...modern, mediaSource: false, nativeHls: true }).verdict).toBe("pass");
    expect(browserVerdict({ ...modern, webrtc: false }).verdict).toBe("warn");
  });

  it.each([
    ["NotAllowedError", "fail", "techCheck.camera.denied"],
    ["NotFoundError", "warn", "techCheck.camera.missing"],
    ["NotReadableError", "fail", "techCheck.camera.busy"],
    ["SomethingOdd", "fail", "techCheck.camera.failed"],
  ] as const)("camera %s → %s with the matching fix", (name, verdict, key) => {
    expect(deviceErrorVerdict("camera", name)).toEqual({ id: "camera", verdict, messageKey: key });
  });

  it("warns about a silent microphone", () => {
    expect(microphoneVerdict(0).verdict).toBe("warn");
    expect(microphoneVerdict(0.05).verdict).toBe("pass");
  });

  it("grades the connection by bandwidth and round trip", () => {
    expect(networkVerdict({ rttMs: 40, downMbps: 20 })).toMatchObject({
      verdict: "pass",
      params: { rtt: 40, mbps: "20.0" },
    });
    expect(networkVerdict({ rttMs: 600, downMbps: 20 }).verdict).toBe("warn");
    expect(networkVerdict({ rttMs: 40, downMbps: 1.2 }).verdict).toBe("warn");
    expect(networkVerdict({ rttMs: 40, downMbps: 0.5 }).verdict).toBe("fail");
  });

  it("takes the worst verdict overall and the middle value as median", () => {
    const pass = { id: "browser", verdict: "pass", messageKey: "x" } as const;
    expect(overall([pass, { ...pass, verdict: "warn" }])).toBe("warn");
    expect(overall([pass, { ...pass, verdict: "fail" }, { ...pass, verdict: "warn" }])).toBe("fail");
    expect(median([5, 1, 9])).toBe(5);
    expect(median([4, 1, 9, 2])).toBe(3);
  });

  it("shows a level that rises at once and falls back slowly, so a pause between words does not empty the bar", () => {
    // A beep of 0.4 every half second, silence in between, one frame every 16 ms (Chromium's fake microphone).
    let shown = 0;
    const levels: number[] = [];
    for (let ms = 0; ms < 2000; ms += 16) {
      shown = nextLevel(shown, ms % 500 < 20 ? 0.4 : 0, 16);
      levels.push(shown);
    }
    expect(Math.max(...levels)).toBe(0.4);
    expect(Math.min(...levels.slice(1))).toBeGreaterThan(HEARD_RMS);
    // Silence for real: it falls to nothing within a few seconds.
    expect(nextLevel(0.4, 0, 5000)).toBeLessThan(0.001);
    expect(nextLevel(0.1, 0.3, 16)).toBe(0.3);
  });

  it("judges by the level it shows, and the bar is visibly up at the level it calls heard", () => {
    expect(microphoneVerdict(HEARD_RMS).verdict).toBe("pass");
    expect(heard(HEARD_RMS * 0.9)).toBe(false);
    expect(barFill(0)).toBe(0);
    expect(barFill(1)).toBe(1);
    // Quiet but audible speech fills a third of the bar, not a few pixels.
    expect(HEARD_FILL).toBeCloseTo(1 / 3, 5);
    expect(barFill(0.4)).toBeGreaterThan(0.8);
  });
});

describe("the server's own time in a probe's round trip", () => {
  it("sums the durations of a Server-Timing header, and is 0 without one", () => {
    expect(serverMs("auth;dur=12")).toBe(12);
    expect(serverMs("auth;dur=3.5, cache;desc=miss;dur=1")).toBe(4.5);
    expect(serverMs("auth")).toBe(0);
    expect(serverMs(null)).toBe(0);
  });
});

describe("download speed", () => {
  it("takes one round trip out of the download's time, unless it is about as long as the download", () => {
    // 512 KiB in 110 ms with a 10 ms round trip: 100 ms of transfer, 41.9 Mbit/s.
    expect(downloadMbps(512 * 1024, 110, 10)).toBeCloseTo(41.94, 1);
    // A 238 ms round trip and a 240 ms download: not 2 ms of transfer (2,097 Mbit/s), but 240.
    expect(downloadMbps(512 * 1024, 240, 238)).toBeCloseTo(17.48, 1);
  });
});
