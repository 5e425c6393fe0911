import type { ErrorFrameCode } from "../protocol/errors";

/**
 * What a state transition decided: applied (with its result), or refused with a code the client
 * can translate and a sentence for everyone else.
 */
export type Outcome<T = undefined> = { ok: true; value: T } | Refusal;

export interface Refusal {
  ok: false;
  code: ErrorFrameCode;
  message: string;
  field?: string;
  retryAfterMs?: number;
}

export const refuse = (
  code: ErrorFrameCode,
  message: string,
  extra: Pick<Refusal, "field" | "retryAfterMs"> = {},
): Refusal => ({
  ok: false,
  code,
  message,
  ...extra,
});

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

export const done: { ok: true; value: undefined } = { ok: true, value: undefined };
