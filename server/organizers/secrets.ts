import { toBase64Url } from "../base64url";

/**
 * Random secrets and their hashes. Sign-in links, session cookies and API tokens are 32 random
 * bytes; D1 keeps only the SHA-256 (hex), so a copy of the database signs nobody in.
 */
export function randomSecret(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(32)));
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  return [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** API token secrets: `fyr_<token id>_<random>`; the id finds the row, the hash proves the rest. */
export const apiTokenSecret = (tokenId: string) => `fyr_${tokenId}_${randomSecret()}`;

export function parseApiToken(secret: string): { tokenId: string } | undefined {
  const m = /^fyr_(tok_[0-9a-z]{20})_[A-Za-z0-9_-]{43}$/.exec(secret);
  return m ? { tokenId: m[1]! } : undefined;
}

/** Compares digests, not the strings, so the comparison takes the same time whatever the input. */
export async function sameSecret(given: string, expected: string): Promise<boolean> {
  const enc = new TextEncoder();
  const [a, b] = await Promise.all([
    crypto.subtle.digest("SHA-256", enc.encode(given)),
    crypto.subtle.digest("SHA-256", enc.encode(expected)),
  ]);
  const x = new Uint8Array(a);
  const y = new Uint8Array(b);
  let diff = 0;
  for (let i = 0; i < x.length; i++) diff |= x[i]! ^ y[i]!;
  return diff === 0;
}
