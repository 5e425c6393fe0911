import { ApiFailure, api } from "../lib/api";
import { fieldText } from "./errors";

/**
 * Organizer API calls. The `foyer_admin` cookie (HttpOnly, SameSite=Strict, set by signing in)
 * is the credential: no token in this page's storage for a script to steal, and no header to add.
 * The browser sends a same-origin Origin with every POST, PATCH and DELETE, which the server
 * checks against cross-site requests.
 */
let signedOut: (() => void) | undefined;

/** Called when the server no longer knows the sign-in (expired, revoked elsewhere). */
export function onSignedOut(handler: (() => void) | undefined): void {
  signedOut = handler;
}

export async function adminApi<T>(path: string, init: RequestInit = {}): Promise<T> {
  try {
    return await api<T>(path, { ...init, credentials: "same-origin" });
  } catch (err) {
    if (err instanceof ApiFailure && err.status === 401) signedOut?.();
    throw err;
  }
}

const send =
  (method: "POST" | "PATCH" | "DELETE") =>
  <T>(path: string, body?: unknown): Promise<T> =>
    adminApi<T>(path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

export const adminPost = send("POST");
export const adminPatch = send("PATCH");
export const adminDelete = send("DELETE");

/** What to say next to one field of a failed request: from the catalogue where the console knows it. */
export function fieldError(err: unknown, field: string): string | undefined {
  return fieldText(err, field);
}

/** A failed request names none of the form's fields: its message goes at the form's end. */
export function namesNoneOf(err: unknown, fields: readonly string[]): boolean {
  return !(err instanceof ApiFailure) || !fields.some((f) => f in err.fields);
}

export const isStatus = (err: unknown, status: number): boolean => err instanceof ApiFailure && err.status === status;

/** The organizer API's address for one workspace's people and tokens. */
export const workspacePath = (workspaceId: string) => `/api/admin/workspaces/${encodeURIComponent(workspaceId)}`;
