/** Who made a change. One admin token is shared, so the actor also says which token (by a short
 * fingerprint, never the token) and the name the organizer's page sends in `X-Foyer-Actor`. */
export interface Actor {
  actor: string;
  ip: string | null;
}

export const ACTOR_HEADER = "X-Foyer-Actor";

export async function describeActor(
  token: string,
  claimedName: string | undefined,
  ip: string | undefined,
): Promise<Actor> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(token)));
  const fingerprint = [...digest.slice(0, 4)].map((b) => b.toString(16).padStart(2, "0")).join("");
  const name = safeDecode(claimedName ?? "")
    .replace(/[^\p{L}\p{N} ._@'-]/gu, "")
    .trim()
    .slice(0, 60);
  return { actor: `organizer${name ? ` (${name})` : ""} token ${fingerprint}`, ip: ip ?? null };
}

export type AuditAction =
  | "event.create"
  | "event.update"
  | "session.create"
  | "session.update"
  | "registration.create"
  | "registration.update"
  | "registration.import"
  | "link.rotate"
  | "link.revoke"
  | "invitations.schedule"
  | "networking.update"
  | "demo.seed";

/** The admin page sends the name URI-encoded (header values are Latin-1 only). */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
