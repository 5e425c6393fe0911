import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { sampleMasterPlaylist, sampleMediaPlaylist, STAGE_SAMPLE } from "../../server/media/live-sample.ts";

const dir = resolve(import.meta.dirname, "../../client/public/media/sample");

describe("the bundled stage sample", () => {
  it("matches the files scripts/make-stage-sample.sh wrote", () => {
    const generated = readFileSync(resolve(dir, "master.m3u8"), "utf8");
    for (const r of STAGE_SAMPLE.renditions) {
      expect(generated).toContain(`BANDWIDTH=${r.bandwidth},RESOLUTION=${r.resolution},CODECS="${r.codecs}"`);
      const segments = readdirSync(dir).filter(
        (f) => f.startsWith(`${r.name}_`) && f.endsWith(`.${STAGE_SAMPLE.segmentExtension}`),
      );
      expect(segments).toHaveLength(STAGE_SAMPLE.segmentCount);
      expect(readFileSync(resolve(dir, `${r.name}.m3u8`), "utf8")).toContain(
        `#EXT-X-TARGETDURATION:${STAGE_SAMPLE.segmentSeconds}`,
      );
    }
    const bytes = readdirSync(dir).reduce((sum, f) => sum + readFileSync(resolve(dir, f)).byteLength, 0);
    expect(bytes).toBeLessThan(2 * 1024 * 1024);
  });

  it("lists every rendition in the master playlist", () => {
    const master = sampleMasterPlaylist();
    expect(master.split("\n").filter((l) => l.endsWith(".m3u8"))).toEqual(["360p.m3u8", "160p.m3u8"]);
  });

  it("slides a three-segment live window with the wall clock and marks each loop", () => {
    const d = STAGE_SAMPLE.segmentSeconds * 1000;
    const at = (segment: number) => sampleMediaPlaylist("160p", segment * d + 1);
    // Segment 12 starts loop 2 (6 files a loop): segments 10, 11 | 12.
    const wrap = at(13);
    expect(wrap).toContain("#EXT-X-MEDIA-SEQUENCE:10");
    expect(wrap).toContain("#EXT-X-DISCONTINUITY-SEQUENCE:1");
    expect(wrap.match(/\.m2ts$/gm)).toHaveLength(3);
    const body = wrap.split("\n").filter((l) => l.endsWith(".m2ts") || l === "#EXT-X-DISCONTINUITY");
    expect(body).toEqual([
      "/media/sample/160p_04.m2ts",
      "/media/sample/160p_05.m2ts",
      "#EXT-X-DISCONTINUITY",
      "/media/sample/160p_00.m2ts",
    ]);
    expect(wrap).not.toContain("#EXT-X-ENDLIST");
    // Once the wrap has scrolled out of the window, the discontinuity count carries it.
    const after = at(16);
    expect(after).toContain("#EXT-X-MEDIA-SEQUENCE:13");
    expect(after).toContain("#EXT-X-DISCONTINUITY-SEQUENCE:2");
    expect(after).not.toContain("#EXT-X-DISCONTINUITY\n");
    // The same instant gives every viewer the same playlist.
    expect(at(13)).toBe(wrap);
  });
});
