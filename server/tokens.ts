import type { SigningKey } from "./config";
import type { Role } from "../core/protocol/identity";
import { Roles } from "../core/protocol/identity";
import { fromBase64Url, toBase64Url } from "./base64url";

/**
 * Personal links and session cookies: `<keyId>.<claims>.<mac>` where claims is base64url JSON and
 * mac is the full HMAC-SHA256 (256 bits) over purpose, key id and claims. The purpose keeps a
 * session cookie from being usable as a link and the other way round, and a calendar feed URL
 * (which calendar apps store and sync) from signing anyone in. Verification goes through
 * `crypto.subtle.verify`, which compares in constant time.
 */
export type TokenPurpose = "link" | "session" | "calendar";

export interface TokenClaims {
  registrationId: string;
  eventId: string;
  role: Role;
  linkVersion: number;
  /** Unix seconds. */
  expiresAt: number;
}

export type VerifyResult =
  | { ok: true; claims: TokenClaims }
  /** Authentic but past its expiry: the holder may ask for a fresh link. */
  | { ok: false; reason: "expired"; claims: TokenClaims }
  | { ok: false; reason: "malformed" | "unknown_key" | "bad_signature" };

const encoder = new TextEncoder();
const keyCache = new Map<string, Promise<CryptoKey>>();

function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keyCache.get(secret);
  if (!key) {
    key = crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
      "sign",
      "verify",
    ]);
    keyCache.set(secret, key);
  }
  return key;
}

const signedData = (purpose: TokenPurpose, keyId: string, claims: string) =>
  encoder.encode(`foyer:${purpose}:${keyId}:${claims}`);

export async function signToken(key: SigningKey, purpose: TokenPurpose, claims: TokenClaims): Promise<string> {
  const body = toBase64Url(
    encoder.encode(
      JSON.stringify({
        r: claims.registrationId,
        e: claims.eventId,
        o: claims.role,
        v: claims.linkVersion,
        x: claims.expiresAt,
      }),
    ),
  );
  const mac = await crypto.subtle.sign("HMAC", await hmacKey(key.secret), signedData(purpose, key.id, body));
  return `${key.id}.${body}.${toBase64Url(new Uint8Array(mac))}`;
}

export async function verifyToken(
  keys: readonly SigningKey[],
  purpose: TokenPurpose,
  token: string,
  nowSeconds: number,
): Promise<VerifyResult> {
  if (token.length > 1024) return { ok: false, reason: "malformed" };
  const parts = token.split(".");
  if (parts.length !== 3) return { ok: false, reason: "malformed" };
  const [keyId, body, macText] = parts as [string, string, string];
  const mac = fromBase64Url(macText);
  if (mac?.length !== 32 || !fromBase64Url(body)) return { ok: false, reason: "malformed" };
  const key = keys.find((k) => k.id === keyId);
  if (!key) return { ok: false, reason: "unknown_key" };
  const authentic = await crypto.subtle.verify(
    "HMAC",
    await hmacKey(key.secret),
    mac,
    signedData(purpose, keyId, body),
  );
  if (!authentic) return { ok: false, reason: "bad_signature" };
  const claims = decodeClaims(body);
  if (!claims) return { ok: false, reason: "malformed" };
  if (claims.expiresAt <= nowSeconds) return { ok: false, reason: "expired", claims };
  return { ok: true, claims };
}

function decodeClaims(body: string): TokenClaims | undefined {
  try {
    const raw: unknown = JSON.parse(new TextDecoder().decode(fromBase64Url(body)));
    if (typeof raw !== "object" || raw === null) return undefined;
    const { r, e, o, v, x } = raw as Record<string, unknown>;
    if (typeof r !== "string" || typeof e !== "string" || typeof v !== "number" || typeof x !== "number")
      return undefined;
    if (!Roles.includes(o as Role) || !Number.isInteger(v) || !Number.isInteger(x)) return undefined;
    return { registrationId: r, eventId: e, role: o as Role, linkVersion: v, expiresAt: x };
  } catch {
    return undefined;
  }
}
