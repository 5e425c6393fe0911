import { defineFeature } from "../../../runtime/feature";
import { onHello, type SessionState } from "./handler";

export type { SessionState } from "./handler";

/**
 * The session's handshake: welcome, then the missed events or the snapshot, then the person's own
 * state. The snapshot and the personal state are every feature's parts, put together by the
 * session's list (session/features.ts), so this feature names none of them.
 */
export const hello = (state: SessionState) =>
  defineFeature({
    name: "hello",
    frames: { hello: (frame, fc) => onHello(state, frame, fc) },
  });
