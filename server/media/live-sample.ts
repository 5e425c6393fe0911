/**
 * The local stage: the bundled HLS sample (client/public/media/sample/, made by
 * scripts/make-stage-sample.sh) played as if it were live. Each rendition's media playlist is a
 * sliding window computed from the wall clock, so every viewer sees the same moment, the player
 * runs its live logic (latency, catching up) exactly as on an IVS channel, and the clip loops
 * forever with a discontinuity at each wrap (timestamps restart with the clip).
 */
export interface SampleRendition {
  name: string;
  bandwidth: number;
  resolution: string;
  codecs: string;
}

/** Must match what scripts/make-stage-sample.sh wrote (a unit test compares them). */
export const STAGE_SAMPLE = {
  /** Where the segments are served from, as static assets. */
  segmentBase: "/media/sample",
  /**
   * MPEG-TS segments, named .m2ts rather than .ts, which every TypeScript tool claims as source.
   * The asset store serves both as video/mp2t.
   */
  segmentExtension: "m2ts",
  segmentSeconds: 2,
  segmentCount: 6,
  renditions: [
    { name: "360p", bandwidth: 565400, resolution: "640x360", codecs: "avc1.4d401e,mp4a.40.2" },
    { name: "160p", bandwidth: 202400, resolution: "284x160", codecs: "avc1.4d400c,mp4a.40.2" },
  ] satisfies SampleRendition[],
} as const;

/** Segments in each live window: three target durations, as the HLS spec asks for live playlists. */
const WINDOW = 3;

export function sampleMasterPlaylist(): string {
  const lines = ["#EXTM3U", "#EXT-X-VERSION:6", "#EXT-X-INDEPENDENT-SEGMENTS"];
  for (const r of STAGE_SAMPLE.renditions) {
    lines.push(
      `#EXT-X-STREAM-INF:BANDWIDTH=${r.bandwidth},RESOLUTION=${r.resolution},CODECS="${r.codecs}",NAME="${r.name}"`,
    );
    lines.push(`${r.name}.m3u8`);
  }
  return `${lines.join("\n")}\n`;
}

export const isSampleRendition = (name: string): boolean => STAGE_SAMPLE.renditions.some((r) => r.name === name);

/** The live media playlist of one rendition at `nowMs`: the last WINDOW complete segments. */
export function sampleMediaPlaylist(rendition: string, nowMs: number): string {
  const { segmentSeconds: d, segmentCount: n, segmentBase, segmentExtension } = STAGE_SAMPLE;
  // Absolute segment numbers count from the epoch; segment i plays file i mod n.
  const newest = Math.floor(nowMs / 1000 / d) - 1;
  const first = newest - WINDOW + 1;
  const lines = [
    "#EXTM3U",
    "#EXT-X-VERSION:6",
    `#EXT-X-TARGETDURATION:${d}`,
    `#EXT-X-MEDIA-SEQUENCE:${first}`,
    // Segment i belongs to loop floor(i / n); a new loop starts with a discontinuity.
    `#EXT-X-DISCONTINUITY-SEQUENCE:${Math.floor(first / n)}`,
    "#EXT-X-INDEPENDENT-SEGMENTS",
  ];
  for (let i = first; i <= newest; i++) {
    if (i !== first && i % n === 0) lines.push("#EXT-X-DISCONTINUITY");
    lines.push(`#EXT-X-PROGRAM-DATE-TIME:${new Date(i * d * 1000).toISOString()}`);
    lines.push(`#EXTINF:${d.toFixed(3)},`);
    lines.push(`${segmentBase}/${rendition}_${String(i % n).padStart(2, "0")}.${segmentExtension}`);
  }
  return `${lines.join("\n")}\n`;
}
