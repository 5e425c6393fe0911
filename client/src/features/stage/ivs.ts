/**
 * The Amazon IVS player, loaded on demand (it is ~110 kB gzip plus a 1.4 MB WebAssembly file,
 * far too much for the portal's first paint). Its worker and wasm come from our own assets,
 * never a CDN: the CSP allows only our origin (and IVS playback hosts in aws mode).
 */
import wasmWorker from "amazon-ivs-player/dist/assets/amazon-ivs-wasmworker.min.js?url";
import wasmBinary from "amazon-ivs-player/dist/assets/amazon-ivs-wasmworker.min.wasm?url";

export type IvsModule = typeof import("amazon-ivs-player");
export type IvsPlayer = ReturnType<IvsModule["create"]>;

export async function loadIvs(): Promise<{ ivs: IvsModule; player: IvsPlayer } | undefined> {
  const ivs = await import("amazon-ivs-player");
  if (!ivs.isPlayerSupported) return undefined;
  const player = ivs.create({
    wasmWorker: new URL(wasmWorker, location.href).href,
    wasmBinary: new URL(wasmBinary, location.href).href,
  });
  // Its own logging goes to the console only for real problems; offline telemetry is not one.
  player.setLogLevel(ivs.LogLevel.ERROR);
  return { ivs, player };
}
