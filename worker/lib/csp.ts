import type { MediaProvider } from "../config";

/**
 * The Content-Security-Policy for our documents: our own origin only, plus exactly what the
 * cloud media SDKs need when MEDIA_PROVIDER=aws. `wasm-unsafe-eval` lets the IVS player run its
 * WebAssembly; `blob:` covers its worker and media source buffers.
 */
export function contentSecurityPolicy(media: MediaProvider | undefined): string {
  const aws = media === "aws";
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'wasm-unsafe-eval'", ...(aws ? ["https://*.sdkassets.chime.aws"] : [])],
    "worker-src": ["'self'", "blob:"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:", "blob:"],
    "media-src": ["'self'", "blob:"],
    "font-src": ["'self'"],
    "connect-src": [
      "'self'",
      ...(aws
        ? ["https://*.live-video.net", "wss://*.live-video.net", "https://*.chime.aws", "wss://*.chime.aws", "https://*.sdkassets.chime.aws"]
        : []),
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
