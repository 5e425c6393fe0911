/**
 * The e-mailed sign-in link is `/admin/signin#<token>`: the token rides in the fragment so it never
 * reaches a server log or a Referer, and a mail scanner that fetches the page cannot use it (only
 * this page's script posts it). Pure, for the unit tests.
 */
export const SIGNIN_PATH = "/admin/signin";

// Base64url and the usual URL-safe punctuation; long enough to be a real token, short enough
// that a pasted page of text is not posted.
const TOKEN = /^[A-Za-z0-9._~-]{16,512}$/;

export type SignInFragment =
  /** Not a sign-in link (any other page, or the sign-in page without a fragment). */
  | { kind: "none" }
  | { kind: "token"; token: string }
  /** A sign-in link whose fragment cannot be a token (cut off by a mail client, edited). */
  | { kind: "malformed" };

export function isSignInPath(pathname: string): boolean {
  return pathname === SIGNIN_PATH || pathname === `${SIGNIN_PATH}/`;
}

export function signInFragment(pathname: string, hash: string): SignInFragment {
  if (!isSignInPath(pathname)) return { kind: "none" };
  const raw = hash.startsWith("#") ? hash.slice(1) : hash;
  if (raw === "") return { kind: "none" };
  let token: string;
  try {
    token = decodeURIComponent(raw).trim();
  } catch {
    return { kind: "malformed" };
  }
  return TOKEN.test(token) ? { kind: "token", token } : { kind: "malformed" };
}
