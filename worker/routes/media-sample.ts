import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { notFound } from "../../server/errors";
import { isSampleRendition, sampleMasterPlaylist, sampleMediaPlaylist } from "../../server/media/live-sample";

const HLS = "application/vnd.apple.mpegurl";

/**
 * `GET /api/media/sample/master.m3u8` and `/api/media/sample/<rendition>.m3u8` — the bundled
 * sample as a live stream (see server/media/live-sample.ts). Public: it is a test pattern. The
 * playlists name segments under /media/sample/*.m2ts, which the asset store serves itself, as
 * video/mp2t (by the extension).
 */
export const mediaSample = new Hono<AppEnv>()
  .get("/sample/master.m3u8", (c) =>
    c.body(sampleMasterPlaylist(), 200, { "Content-Type": HLS, "Cache-Control": "public, max-age=60" }),
  )
  .get("/sample/:playlist", (c) => {
    const name = c.req.param("playlist").replace(/\.m3u8$/, "");
    if (!isSampleRendition(name) || !c.req.param("playlist").endsWith(".m3u8")) throw notFound("This playlist");
    // A live playlist changes every segment: caches may hold it for at most one second.
    return c.body(sampleMediaPlaylist(name, Date.now()), 200, {
      "Content-Type": HLS,
      "Cache-Control": "public, max-age=1",
    });
  });
