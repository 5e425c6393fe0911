/** Chime's ClientRequestToken: 2–64 of [-_a-zA-Z0-9]. */
const MAX = 64;
const HASH_CHARS = 16;

/**
 * The CreateMeeting idempotency token for one generation of a call: the call key and `-g<n>`.
 * A key too long for that keeps a readable head, then a hash of the whole key, and the
 * generation suffix always last, so truncation can never make two generations (or two long keys
 * sharing a head) one token — generation 10 of a long key used to become generation 1's token.
 */
export async function chimeRequestToken(callKey: string, generation: number): Promise<string> {
  const suffix = `-g${generation}`;
  const plain = `${callKey}${suffix}`.replace(/[^-_a-zA-Z0-9]/g, "-");
  if (plain.length <= MAX) return plain;
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(callKey));
  const hash = [...new Uint8Array(digest)]
    .map((b) => b.toString(16).padStart(2, "0"))
    .join("")
    .slice(0, HASH_CHARS);
  const head = callKey.replace(/[^-_a-zA-Z0-9]/g, "-").slice(0, MAX - HASH_CHARS - 1 - suffix.length);
  return `${head}-${hash}${suffix}`;
}
