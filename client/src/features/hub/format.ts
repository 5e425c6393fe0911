import type { PersonCard } from "../../../../core/protocol";
import { t, type MessageKey } from "../../i18n";
import type { MutationOutcome } from "../../lib/mutations";

/** "Ada Lovelace (Analytical Engines)", or just the name. */
export const personLabel = (p: PersonCard): string => (p.organisation ? `${p.name} (${p.organisation})` : p.name);

/** Several people as a reader would list them. */
export const peopleLabel = (people: readonly PersonCard[]): string => people.map(personLabel).join(", ");

/** A countdown as m:ss (never negative). */
export function clockText(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, "0")}`;
}

const inviteErrors: Record<string, MessageKey> = {
  rate_limited: "invite.error.rate_limited",
  not_allowed: "invite.error.not_allowed",
  conflict: "invite.error.conflict",
  limit_reached: "invite.error.limit_reached",
  closed: "invite.error.closed",
  not_found: "invite.error.not_found",
};

/** A refused networking action in the reader's language, with when to try again if the server said so. */
export function refusal(outcome: Extract<MutationOutcome, { ok: false }>): string {
  const key = inviteErrors[outcome.code];
  return key
    ? t(key, { time: clockText(outcome.retryAfterMs ?? 0) })
    : t("invite.error.other", { message: outcome.message });
}
