import type { ErrorFrameCode } from "../../../../core/protocol";
import { t, type MessageKey } from "../../i18n";
import type { MutationResult } from "./live";

const byCode: Partial<Record<ErrorFrameCode, MessageKey>> = {
  rate_limited: "error.rate_limited",
  muted: "error.muted",
  filtered: "error.filtered",
  limit_reached: "error.limit_reached",
  closed: "error.closed",
  conflict: "error.conflict",
  not_found: "error.not_found",
  not_allowed: "error.not_allowed",
  own_question: "error.own_question",
  bad_frame: "error.bad_frame",
};

/**
 * A refused mutation, in the reader's language. The server's own sentence (English) only shows
 * for validation details it alone knows; a panel can name a better sentence per code.
 */
export function refusalText(
  result: Extract<MutationResult, { ok: false }>,
  overrides: Partial<Record<ErrorFrameCode, string>> = {},
): string {
  const override = overrides[result.code];
  if (override) return override;
  const key = byCode[result.code];
  if (!key) return t("error.other", { message: result.message });
  return t(key, { seconds: Math.ceil((result.retryAfterMs ?? 1000) / 1000), message: result.message });
}
