import { startAuthentication, startRegistration, WebAuthnError } from "@simplewebauthn/browser";
import type {
  AddPasskeyRequest,
  OrganizerMe,
  PasskeySignInRequest,
  PasskeyView,
} from "../../../core/contract/organizers";
import { PASSKEY_INVALID } from "../../../core/contract/organizers";
import { ApiFailure } from "../lib/api";
import { adminPost } from "./api";

/**
 * Passkeys in the browser through @simplewebauthn/browser: the server makes the options (with a
 * one-use challenge), the browser asks the authenticator, the server checks the answer.
 */

/** Whether this browser has WebAuthn at all (the passkey controls are shown only then). */
export const passkeysAvailable = (): boolean =>
  typeof window !== "undefined" && typeof window.PublicKeyCredential === "function";

type RequestOptions = Parameters<typeof startAuthentication>[0]["optionsJSON"];
type CreationOptions = Parameters<typeof startRegistration>[0]["optionsJSON"];

/** Signs in with a discoverable passkey: the authenticator offers the ones it holds for this site. */
export async function signInWithPasskey(): Promise<OrganizerMe> {
  const optionsJSON = await adminPost<RequestOptions>("/api/admin/auth/passkey/options");
  const response = await startAuthentication({ optionsJSON });
  return adminPost<OrganizerMe>("/api/admin/auth/passkey", { response } satisfies PasskeySignInRequest);
}

/** Makes a passkey on this device (or a phone, or a key) for the signed-in person. */
export async function addPasskey(name: string): Promise<PasskeyView> {
  const optionsJSON = await adminPost<CreationOptions>("/api/admin/auth/passkeys/options");
  const response = await startRegistration({ optionsJSON });
  return adminPost<PasskeyView>("/api/admin/auth/passkeys", { name, response } satisfies AddPasskeyRequest);
}

export type PasskeyProblem = "cancelled" | "already" | "invalid" | "tooMany" | "other";

/**
 * What went wrong, as the page tells it: the person closed the prompt (or it timed out), the
 * device holds a passkey for them already, the server did not accept the answer, too many tries.
 */
export function passkeyProblem(err: unknown): PasskeyProblem {
  if (err instanceof ApiFailure) {
    if (err.code === PASSKEY_INVALID) return "invalid";
    if (err.status === 429) return "tooMany";
    return "other";
  }
  if (err instanceof WebAuthnError && err.code === "ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED") return "already";
  const name = err instanceof Error ? err.name : "";
  if (name === "NotAllowedError" || name === "AbortError") return "cancelled";
  if (err instanceof WebAuthnError && err.code === "ERROR_CEREMONY_ABORTED") return "cancelled";
  return "other";
}
