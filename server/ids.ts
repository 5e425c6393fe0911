const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

/** A prefixed random id (`evt_…`, `reg_…`): 100 random bits in Crockford-style base32. */
export function newId(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(20));
  let out = `${prefix}_`;
  for (const b of bytes) out += ALPHABET[b & 31];
  return out;
}
