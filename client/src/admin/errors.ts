import { ApiFailure } from "../lib/api";
import { type AdminKey, ta } from "./i18n";

/**
 * The server's error answers, said in the console's language. The API speaks English (it is also
 * for integrations); the console knows its codes and fields and says them from the catalogue,
 * falling back to the server's own words only for what it does not know.
 */

/** A field the server refused, as the console says it; undefined for a field it has no words for. */
function fieldKey(err: ApiFailure, field: string): AdminKey | undefined {
  const said = err.fields[field] ?? "";
  if (err.status === 409) {
    if (field === "email") return "admin.error.memberAlready";
    if (field === "name") return "admin.error.nameTaken";
    if (field === "role" || field === "personId") return "admin.people.lastOwner";
    return undefined;
  }
  if (err.status !== 422 && err.status !== 400) return undefined;
  switch (field) {
    case "email":
      return "admin.error.email";
    case "name":
      return "admin.error.name";
    case "role":
      return "admin.error.role";
    case "eventIds":
      return /owner/i.test(said) ? "admin.error.ownerEvents" : "admin.error.eventIds";
    case "language":
      return "admin.error.language";
    case "scopes":
      return "admin.tokens.pickScope";
    case "expiresAt":
      return "admin.error.expiresAt";
    default:
      return undefined;
  }
}

/** What to show next to `field` for a failed request; undefined when the error names it not. */
export function fieldText(err: unknown, field: string): string | undefined {
  if (!(err instanceof ApiFailure) || !(field in err.fields)) return undefined;
  const key = fieldKey(err, field);
  return key ? ta(key) : err.fields[field];
}

const CODE_KEYS: Partial<Record<string, AdminKey>> = {
  network: "admin.error.network",
  rate_limited: "admin.error.tooMany",
  forbidden: "admin.error.forbidden",
  not_found: "admin.error.notFound",
  internal_error: "admin.error.internal",
};

/**
 * A failed request as one sentence. `conflict`: what a 409 means where it was asked (the API's
 * conflicts are one code for different things). Unknown codes keep the server's message.
 */
export function errorText(err: unknown, conflict?: AdminKey): string {
  if (err instanceof ApiFailure) {
    const key = err.status === 409 && conflict ? conflict : CODE_KEYS[err.code];
    if (key) return ta(key);
  }
  return ta("admin.failed", { reason: err instanceof Error ? err.message : String(err) });
}
