import type { MediaProvider } from "../../server/config";

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
 *
 * With aws the stream room also uses Amazon Voice Focus (noise suppression), which the Chime SDK
 * loads at run time from AWS's CDN (*.sdkassets.chime.aws): its worker and audio-worklet
 * scripts and its WebAssembly. We allow that origin for scripts and fetches, and nothing more:
 * no 'unsafe-eval'. Where a browser then refuses to run it, the call falls back to the browser's
 * own noise suppression and echo cancellation.
 */
/** Where the Chime SDK loads Amazon Voice Focus from. */
export const VOICE_FOCUS_CDN = "https://*.sdkassets.chime.aws";

export function contentSecurityPolicy(media: MediaProvider | undefined, mediaOrigins: readonly string[] = []): string {
  const aws = media === "aws";
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'wasm-unsafe-eval'", ...(aws ? [VOICE_FOCUS_CDN] : [])],
    "worker-src": ["'self'", "blob:"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:", "blob:"],
    "media-src": ["'self'", "blob:", ...mediaOrigins],
    "font-src": ["'self'"],
    "connect-src": [
      "'self'",
      ...(aws ? ["https://*.live-video.net", "https://*.chime.aws", "wss://*.chime.aws", VOICE_FOCUS_CDN] : []),
      ...mediaOrigins,
    ],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}
