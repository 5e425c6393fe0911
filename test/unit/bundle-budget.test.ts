import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";

/**
 * The participant page's first paint loads only its entry script and what it preloads; the IVS
 * player and the Chime SDK must stay in lazy chunks. Runs on the build `npm test` makes first.
 */
const dist = resolve(import.meta.dirname, "../../dist/client");
const built = existsSync(resolve(dist, "index.html"));

describe.skipIf(!built && process.env.CI !== "true")("participant page bundle", () => {
  it("keeps the initial JavaScript within 60 kB gzip, without the media SDKs", () => {
    const html = readFileSync(resolve(dist, "index.html"), "utf8");
    const initial = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+\.js)"/g)].map((m) => m[1]!);
    expect(initial.length).toBeGreaterThan(0);
    let gzipped = 0;
    for (const file of initial) {
      const code = readFileSync(resolve(dist, `.${file}`));
      gzipped += gzipSync(code).byteLength;
      expect(code.toString()).not.toMatch(/Amazon IVS Player|amazon-chime-sdk|DefaultMeetingSession/);
    }
    expect(gzipped).toBeLessThanOrEqual(60 * 1024);
  });
});
