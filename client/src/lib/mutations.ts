import type { MutationFrame } from "../../../core/protocol";
import type { LiveConnection } from "./live-connection";

export type MutationOutcome =
  | { ok: true; entityId?: string }
  | { ok: false; code: string; message: string; retryAfterMs?: number; field?: string };

/** A mutation frame as a component writes it: the id is added here. */
export type MutationInput = MutationFrame extends infer F ? (F extends MutationFrame ? Omit<F, "id"> : never) : never;

/**
 * Sends mutations over a connection and resolves each with its ack or refusal. Unanswered ones are
 * sent again, with the same id, after a reconnect's welcome; the server applies an id once.
 * For self-contained features (hub, carousel) that live beside a session's own mutation queue.
 */
export function createMutations(connection: LiveConnection) {
  const pending = new Map<string, { frame: MutationFrame; resolve: (outcome: MutationOutcome) => void }>();
  const unlisten = connection.listen((f) => {
    if (f.type === "welcome") for (const { frame } of pending.values()) connection.send(frame);
    if ((f.type !== "ack" && f.type !== "error") || !f.ref) return;
    const entry = pending.get(f.ref);
    if (!entry) return;
    pending.delete(f.ref);
    entry.resolve(
      f.type === "ack"
        ? { ok: true, ...(f.entityId ? { entityId: f.entityId } : {}) }
        : {
            ok: false,
            code: f.code,
            message: f.message,
            ...(f.retryAfterMs !== undefined ? { retryAfterMs: f.retryAfterMs } : {}),
            ...(f.field ? { field: f.field } : {}),
          },
    );
  });
  return {
    send(input: MutationInput): Promise<MutationOutcome> {
      const frame = { ...input, id: crypto.randomUUID() } as MutationFrame;
      return new Promise((resolve) => {
        pending.set(frame.id, { frame, resolve });
        connection.send(frame);
      });
    },
    close(): void {
      unlisten();
      for (const { resolve } of pending.values()) resolve({ ok: false, code: "closed", message: "Disconnected." });
      pending.clear();
    },
  };
}

export type Mutations = ReturnType<typeof createMutations>;
