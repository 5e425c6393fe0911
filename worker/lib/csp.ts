import type { MediaProvider } from "../config";

/**
 * The Content-Security-Policy for our documents: our own origin only, plus exactly what media
 * playback needs. In every mode the stage player (amazon-ivs-player, served from our assets)
 * compiles WebAssembly ('wasm-unsafe-eval'), runs it in a blob: worker that importScripts our
 * worker file, and feeds the video element through Media Source (blob: media). With
 * MEDIA_PROVIDER=aws it also fetches IVS playlists and segments (and its telemetry) from
 * *.live-video.net, and the Chime SDK talks to *.chime.aws over HTTPS and websockets (signalling,
 * TURN credentials, event ingestion); WebRTC media itself is not governed by CSP. The local mesh
 * needs nothing beyond 'self'. `mediaOrigins` are extra HLS sources an organizer set on stages
 * (MEDIA_ORIGINS), e.g. an encoder on the local network.
 */
export function contentSecurityPolicy(media: MediaProvider | undefined, mediaOrigins: readonly string[] = []): string {
  const aws = media === "aws";
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'wasm-unsafe-eval'"],
    "worker-src": ["'self'", "blob:"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:", "blob:"],
    "media-src": ["'self'", "blob:", ...mediaOrigins],
    "font-src": ["'self'"],
    "connect-src": ["'self'", ...(aws ? ["https://*.live-video.net", "https://*.chime.aws", "wss://*.chime.aws"] : []), ...mediaOrigins],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}
