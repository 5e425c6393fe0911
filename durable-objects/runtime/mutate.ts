import type { MutationFrame } from "../../core/protocol";
import type { AckFrame, ErrorFrame } from "../../core/protocol";
import type { Outcome, Refusal } from "../../core/rules/outcome";
import type { FrameContext } from "./context";
import { mutationRate } from "./limiter";
import { send } from "./send";

/** Only moderators run a session; producers watch it and capture outputs. */
export const canModerate = (role: string): boolean => role === "moderator";

export const refusalFrame = (refusal: Refusal, ref?: string): ErrorFrame => ({
  type: "error",
  code: refusal.code,
  message: refusal.message,
  ...(ref ? { ref } : {}),
  ...(refusal.field ? { field: refusal.field } : {}),
  ...(refusal.retryAfterMs !== undefined ? { retryAfterMs: refusal.retryAfterMs } : {}),
});

/**
 * Applies a client mutation exactly once. Mutations are not applied as they arrive but queued
 * and applied together, in arrival order, a moment later (see `Room.enqueue`): every message
 * that writes costs the object a storage commit, and a commit per vote caps a session at about
 * a thousand votes a second, while one commit per batch keeps up with thousands. The ack still
 * leaves only after the write it acknowledges is durable.
 */
export function mutate(
  fc: FrameContext,
  frame: MutationFrame,
  apply: () => Outcome<string | undefined>,
  options: { moderator?: boolean } = {},
): void {
  fc.room.enqueue(() => {
    try {
      applyNow(fc, frame, apply, options);
    } catch (err) {
      // A handler bug must not take the socket (or the rest of the batch) down with it.
      console.error(`session ${fc.room.sessionId}: ${frame.type} failed`, err);
      send(fc.ws, {
        type: "error",
        code: "internal",
        message: "Something went wrong handling that. Please try again.",
        ref: frame.id,
      });
    }
  });
}

/**
 * A mutation id seen before is acknowledged again (`duplicate`) without running anything: that
 * is what makes resends after a reconnect safe. Otherwise the role and the person's rate are
 * checked, and `apply` runs in one transaction with the recording of the id, so an applied
 * mutation is always remembered and a refused one never. The outcome's value is the id of
 * anything created, returned in the ack.
 */
function applyNow(
  fc: FrameContext,
  frame: MutationFrame,
  apply: () => Outcome<string | undefined>,
  { moderator = false },
): void {
  const { room, ws, who } = fc;
  const earlier = room.mutations.applied(who.registrationId, frame.id);
  if (earlier) {
    return send(ws, {
      type: "ack",
      ref: frame.id,
      duplicate: true,
      ...(earlier.entityId ? { entityId: earlier.entityId } : {}),
    } satisfies AckFrame);
  }
  if (moderator && !canModerate(who.role)) {
    return send(
      ws,
      refusalFrame({ ok: false, code: "not_allowed", message: "Only moderators can do that." }, frame.id),
    );
  }
  const now = room.now();
  const allowance = room.limiter.take(`m:${who.registrationId}`, mutationRate, now);
  if (!allowance.ok) {
    return send(
      ws,
      refusalFrame(
        { ok: false, code: "rate_limited", message: "Slow down a little.", retryAfterMs: allowance.retryAfterMs },
        frame.id,
      ),
    );
  }
  const outcome = room.transaction(() => {
    const result = apply();
    if (result.ok) room.mutations.record(who.registrationId, frame.id, result.value, now);
    return result;
  });
  if (!outcome.ok) return send(ws, refusalFrame(outcome, frame.id));
  send(ws, { type: "ack", ref: frame.id, ...(outcome.value ? { entityId: outcome.value } : {}) } satisfies AckFrame);
}
