import {
  type AuthenticationResponseJSON,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from "@simplewebauthn/server";
import { isoBase64URL, isoUint8Array } from "@simplewebauthn/server/helpers";
import type { Config } from "../config";
import { runBatch } from "../db/batch";
import type { Db } from "../db/client";
import {
  type ChallengePurpose,
  consumeChallenge,
  deleteExpiredChallenges,
  findPasskey,
  insertChallenge,
  type PasskeyRow,
  passkeysOf,
  passkeyUsed,
} from "../db/passkeys";
import type { OrganizerRow } from "../db/schema";

/**
 * Passkeys (WebAuthn) through @simplewebauthn/server: a second way in next to e-mailed links.
 * The relying party is PUBLIC_URL: its host name is the RP ID (WebAuthn refuses IP addresses, so
 * local development uses http://localhost) and its origin the only origin accepted. Passkeys are
 * discoverable (residentKey "required"), so signing in needs no address; user verification is
 * "preferred" (a PIN or fingerprint where the authenticator has one).
 *
 * Every ceremony answers a challenge made by the server moments before: used once, within
 * PASSKEY_CHALLENGE_MS, taken by one conditional update before the signature is even checked.
 */
export const PASSKEY_CHALLENGE_MS = 5 * 60_000;

export const relyingParty = (config: Config) => {
  const url = new URL(config.publicUrl);
  return { rpID: url.hostname, origin: url.origin, rpName: "Foyer" };
};

/** The WebAuthn user handle of a person: their id's bytes (random, and no address in it). */
export const userHandleOf = (personId: string) => isoUint8Array.fromUTF8String(personId);

/** Why a ceremony failed: the routes answer all of these alike. */
export class PasskeyRefused extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "PasskeyRefused";
  }
}

async function newChallenge(db: Db, purpose: ChallengePurpose, personId: string | null, now: number) {
  // Bytes go to the library (a string would be taken as text and encoded once more); the
  // browser hands back their base64url, which is what the table keeps.
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const challenge = isoBase64URL.fromBuffer(bytes);
  await runBatch(db, [
    deleteExpiredChallenges(db, now),
    insertChallenge(db, { challenge, purpose, personId, createdAt: now, expiresAt: now + PASSKEY_CHALLENGE_MS }),
  ]);
  return bytes;
}

/** The challenge the browser signed, read from clientDataJSON (the signature check comes later). */
function challengeIn(clientDataJSON: string): string {
  try {
    const data = JSON.parse(isoBase64URL.toUTF8String(clientDataJSON)) as { challenge?: unknown };
    if (typeof data.challenge === "string" && data.challenge.length <= 200) return data.challenge;
  } catch {
    // fall through
  }
  throw new PasskeyRefused("clientDataJSON has no challenge");
}

async function takeChallenge(
  db: Db,
  clientDataJSON: string,
  purpose: ChallengePurpose,
  personId: string | null,
  now: number,
): Promise<string> {
  const challenge = challengeIn(clientDataJSON);
  if (!(await consumeChallenge(db, challenge, purpose, personId, now))) {
    throw new PasskeyRefused("challenge unknown, used, expired or not this person's");
  }
  return challenge;
}

export async function registrationOptions(
  db: Db,
  config: Config,
  person: OrganizerRow,
  now = Date.now(),
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const { rpID, rpName } = relyingParty(config);
  const existing = await passkeysOf(db, person.id);
  return generateRegistrationOptions({
    rpName,
    rpID,
    userName: person.email,
    userDisplayName: person.name,
    userID: userHandleOf(person.id),
    challenge: await newChallenge(db, "register", person.id, now),
    timeout: PASSKEY_CHALLENGE_MS,
    attestationType: "none",
    // The same authenticator twice would be two rows for one key.
    excludeCredentials: existing.map((p) => ({ id: p.id, transports: p.transports })),
    authenticatorSelection: { residentKey: "required", userVerification: "preferred" },
  });
}

/** A verified new credential of the person, ready to store. Throws PasskeyRefused. */
export async function verifyRegistration(
  db: Db,
  config: Config,
  personId: string,
  response: RegistrationResponseJSON,
  now = Date.now(),
): Promise<{ id: string; publicKey: string; counter: number; transports: string[] }> {
  const { rpID, origin } = relyingParty(config);
  const expectedChallenge = await takeChallenge(db, response.response.clientDataJSON, "register", personId, now);
  let verified: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
  try {
    verified = await verifyRegistrationResponse({
      response,
      expectedChallenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      requireUserVerification: false,
    });
  } catch (err) {
    throw new PasskeyRefused(err instanceof Error ? err.message : String(err));
  }
  if (!verified.verified) throw new PasskeyRefused("registration not verified");
  const { credential } = verified.registrationInfo;
  return {
    id: credential.id,
    publicKey: isoBase64URL.fromBuffer(credential.publicKey),
    counter: credential.counter,
    transports: credential.transports ?? response.response.transports ?? [],
  };
}

export async function signinOptions(
  db: Db,
  config: Config,
  now = Date.now(),
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  return generateAuthenticationOptions({
    rpID: relyingParty(config).rpID,
    // No allowCredentials: the authenticator offers the passkeys it holds for this site.
    userVerification: "preferred",
    timeout: PASSKEY_CHALLENGE_MS,
    challenge: await newChallenge(db, "signin", null, now),
  });
}

/**
 * Checks a sign-in assertion: a fresh challenge, a known passkey, its owner's user handle and a
 * valid signature. Returns the passkey (its counter and last use already written). Throws
 * PasskeyRefused.
 */
export async function verifySignin(
  db: Db,
  config: Config,
  response: AuthenticationResponseJSON,
  now = Date.now(),
): Promise<PasskeyRow> {
  const { rpID, origin } = relyingParty(config);
  const expectedChallenge = await takeChallenge(db, response.response.clientDataJSON, "signin", null, now);
  const passkey = await findPasskey(db, response.id);
  if (!passkey) throw new PasskeyRefused("unknown credential");
  const handle = response.response.userHandle;
  if (handle && handle !== isoBase64URL.fromBuffer(userHandleOf(passkey.personId))) {
    throw new PasskeyRefused("user handle is not the passkey's owner");
  }
  let verified: Awaited<ReturnType<typeof verifyAuthenticationResponse>>;
  try {
    verified = await verifyAuthenticationResponse({
      response,
      expectedChallenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      credential: {
        id: passkey.id,
        publicKey: isoBase64URL.toBuffer(passkey.publicKey),
        counter: passkey.counter,
        transports: passkey.transports,
      },
      requireUserVerification: false,
    });
  } catch (err) {
    throw new PasskeyRefused(err instanceof Error ? err.message : String(err));
  }
  if (!verified.verified) throw new PasskeyRefused("signature not verified");
  await passkeyUsed(db, passkey.id, verified.authenticationInfo.newCounter, now);
  return passkey;
}
