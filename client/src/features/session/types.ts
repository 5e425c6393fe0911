import type { ErrorFrameCode, MutationFrame } from "../../../../core/protocol";

export type MutationResult =
  | { ok: true; entityId?: string }
  | { ok: false; code: ErrorFrameCode; message: string; retryAfterMs?: number; field?: string };

type WithoutId<T> = T extends unknown ? Omit<T, "id"> : never;
/** A mutation as a panel writes it; the live session adds the id. */
export type MutationRequest = WithoutId<MutationFrame>;
