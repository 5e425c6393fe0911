import { createEffect, createSignal, onCleanup, type Accessor } from "solid-js";
import type { LiveConnection } from "../../lib/live-connection";
import type { CallEngine } from "./engine";
import { joinCall } from "./join";

/** An output page left a call (it ended, the network dropped it): it comes back after this long. */
const REJOIN_MS = 3_000;

/**
 * An output page's place in a call: it joins as an output (receives only, takes nobody's place)
 * once its connection is ready, and keeps coming back, because a browser source in OBS runs for hours
 * and nobody is there to press a button.
 */
export function useOutputCall(options: {
  sessionId: string;
  call?: string;
  connection: LiveConnection;
  ready: Accessor<boolean>;
  playAudio?: boolean;
}): Accessor<CallEngine | undefined> {
  const [engine, setEngine] = createSignal<CallEngine>();
  let joining = false;
  let disposed = false;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const join = async () => {
    if (joining || disposed) return;
    joining = true;
    try {
      const joined = await joinCall({
        sessionId: options.sessionId,
        ...(options.call ? { call: options.call } : {}),
        connection: options.connection,
        myName: "",
        mode: "output",
        playAudio: options.playAudio ?? false,
      });
      if (disposed) return joined.leave();
      setEngine(joined);
    } catch (err) {
      console.warn("output: could not join the call; trying again", err);
      retry = setTimeout(() => void join(), REJOIN_MS);
    } finally {
      joining = false;
    }
  };

  createEffect(() => {
    if (options.ready() && !engine()) void join();
  });
  createEffect(() => {
    const phase = engine()?.phase();
    if (phase === undefined || phase === "joining" || phase === "joined") return;
    retry = setTimeout(() => {
      setEngine(undefined);
    }, REJOIN_MS);
  });
  onCleanup(() => {
    disposed = true;
    clearTimeout(retry);
    const e = engine();
    if (e && (e.phase() === "joined" || e.phase() === "joining")) e.leave();
  });
  return engine;
}
