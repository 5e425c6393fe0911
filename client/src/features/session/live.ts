import { createSignal, onCleanup, type Accessor } from "solid-js";
import { createStore, produce } from "solid-js/store";
import type { Emoji, MutationFrame, ServerFrame } from "../../../../core/protocol";
import { LiveConnection } from "../../lib/live-connection";
import { applyAck, applyFrame, emptyState, type SessionState } from "./state";

import type { MutationRequest, MutationResult } from "./types";

export type { MutationRequest, MutationResult };

/** What every panel gets: the session's state, and ways to change it. Panels never touch the connection. */
export interface LiveSession {
  readonly sessionId: string;
  readonly state: SessionState;
  readonly connection: LiveConnection;
  /** Sends a change; resolves when the server applied or refused it (after any reconnects). */
  mutate(request: MutationRequest): Promise<MutationResult>;
  react(emoji: Emoji): void;
  /** The server's clock, ticking once a second (for countdowns). */
  serverNow: Accessor<number>;
  close(): void;
}

const newMutationId = (): string => crypto.randomUUID();

/**
 * Connects to a session and keeps its state. Mutations wait in a queue until acknowledged: a
 * mutation sent just before the connection dropped is sent again, with the same id, after the
 * reconnect, and the server applies it once.
 */
export function createLiveSession(sessionId: string, options: { output?: boolean } = {}): LiveSession {
  const [state, setState] = createStore<SessionState>(emptyState());
  const pending = new Map<
    string,
    { frame: MutationFrame; request: MutationRequest; resolve: (r: MutationResult) => void }
  >();
  const [clock, setClock] = createSignal(Date.now());
  const timer = setInterval(() => setClock(Date.now()), 1000);

  const settle = (frame: Extract<ServerFrame, { type: "ack" | "error" }>) => {
    const entry = frame.ref ? pending.get(frame.ref) : undefined;
    if (!entry || !frame.ref) return;
    pending.delete(frame.ref);
    if (frame.type === "ack") setState(produce((s) => applyAck(s, entry.request, frame.entityId, Date.now())));
    entry.resolve(
      frame.type === "ack"
        ? { ok: true, ...(frame.entityId ? { entityId: frame.entityId } : {}) }
        : {
            ok: false,
            code: frame.code,
            message: frame.message,
            ...(frame.retryAfterMs !== undefined ? { retryAfterMs: frame.retryAfterMs } : {}),
            ...(frame.field ? { field: frame.field } : {}),
          },
    );
  };

  const connection = new LiveConnection({
    sessionId,
    ...(options.output ? { output: true } : {}),
    lastSeq: () => (state.ready ? state.seq : undefined),
    onFrame(frame) {
      if (frame.type === "ack" || frame.type === "error") settle(frame);
      setState(produce((s) => applyFrame(s, frame)));
      // The handshake ends with `me`: now resend whatever was not acknowledged before the drop.
      if (frame.type === "me") for (const { frame: f } of pending.values()) connection.send(f);
    },
  });
  connection.connect();

  return {
    sessionId,
    state,
    connection,
    mutate(request) {
      const frame = { ...request, id: newMutationId() } as MutationFrame;
      return new Promise((resolve) => {
        pending.set(frame.id, { frame, request, resolve });
        connection.send(frame);
      });
    },
    react(emoji) {
      connection.send({ type: "reaction/send", emoji });
    },
    serverNow: () => clock() + state.clockOffset,
    close() {
      clearInterval(timer);
      connection.close();
      for (const { resolve } of pending.values()) resolve({ ok: false, code: "closed", message: "Disconnected." });
      pending.clear();
    },
  };
}

/** A live session tied to the calling component's lifetime. */
export function useLiveSession(sessionId: string, options: { output?: boolean } = {}): LiveSession {
  const live = createLiveSession(sessionId, options);
  onCleanup(() => live.close());
  return live;
}
