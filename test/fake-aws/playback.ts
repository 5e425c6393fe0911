import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { isSampleRendition, sampleMasterPlaylist, sampleMediaPlaylist } from "../../server/media/live-sample.ts";
import type { FakeChannel } from "./services/ivs.ts";

const sampleDir = resolve(import.meta.dirname, "../../client/public/media/sample");
const HLS = "application/vnd.apple.mpegurl";

/**
 * Playback for the fake's channels: a live channel plays the bundled sample (the same live
 * playlist the worker serves locally); an offline one answers 404, as IVS does.
 */
export function fakePlayback(
  path: string,
  channels: Map<string, FakeChannel>,
): { status: number; type: string; body: string | Buffer } {
  const segment = /^\/media\/sample\/([a-z0-9]+_\d\d\.m2ts)$/.exec(path);
  if (segment && existsSync(resolve(sampleDir, segment[1]!))) {
    return { status: 200, type: "video/mp2t", body: readFileSync(resolve(sampleDir, segment[1]!)) };
  }
  const playlist = /^\/__fake\/ivs\/playback\/([a-z0-9]+)\/([a-z0-9]+)\.m3u8$/.exec(path);
  const channel = playlist && [...channels.values()].find((c) => c.arn.endsWith(`/${playlist[1]}`));
  if (!playlist || !channel?.live) return { status: 404, type: "text/plain", body: "Channel is not broadcasting" };
  if (playlist[2] === "master") return { status: 200, type: HLS, body: sampleMasterPlaylist() };
  if (!isSampleRendition(playlist[2]!)) return { status: 404, type: "text/plain", body: "No such rendition" };
  return { status: 200, type: HLS, body: sampleMediaPlaylist(playlist[2]!, Date.now()) };
}
