import { isoBase64URL, isoCBOR, isoUint8Array } from "@simplewebauthn/server/helpers";

/**
 * A passkey authenticator in software, for tests: an ES256 key pair and a credential id, making
 * the very answers a browser would hand over (attestation "none"; user present and verified).
 * The signatures are real, so the server's checks run in full.
 */

const b64 = (bytes: Uint8Array) => isoBase64URL.fromBuffer(bytes as Uint8Array<ArrayBuffer>);
const sha256 = async (bytes: Uint8Array) =>
  new Uint8Array(await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>));
const u32 = (n: number) => new Uint8Array([(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);

/** WebCrypto signs ECDSA as r‖s; WebAuthn carries it DER-encoded. */
function derSignature(raw: Uint8Array): Uint8Array {
  const int = (part: Uint8Array) => {
    let i = 0;
    while (i < part.length - 1 && part[i] === 0) i++;
    const v = part.slice(i);
    const body = v[0]! & 0x80 ? isoUint8Array.concat([new Uint8Array([0]), v]) : v;
    return isoUint8Array.concat([new Uint8Array([0x02, body.length]), body]);
  };
  const seq = isoUint8Array.concat([int(raw.slice(0, 32)), int(raw.slice(32))]);
  return isoUint8Array.concat([new Uint8Array([0x30, seq.length]), seq]);
}

interface Options {
  challenge: string;
  rp?: { id?: string };
  rpId?: string;
  user?: { id: string };
}

export class SoftAuthenticator {
  readonly credentialId = crypto.getRandomValues(new Uint8Array(16));
  private keys?: CryptoKeyPair;
  private userHandle = "";
  counter = 0;

  constructor(
    private readonly origin: string,
    private readonly rpId = new URL(origin).hostname,
  ) {}

  get id(): string {
    return b64(this.credentialId);
  }

  private clientData(type: "webauthn.create" | "webauthn.get", challenge: string) {
    return isoUint8Array.fromUTF8String(JSON.stringify({ type, challenge, origin: this.origin, crossOrigin: false }));
  }

  /** `navigator.credentials.create` for these (JSON) options: a RegistrationResponseJSON. */
  async create(options: Options) {
    this.keys = (await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, [
      "sign",
      "verify",
    ])) as CryptoKeyPair;
    this.userHandle = options.user?.id ?? "";
    const jwk = (await crypto.subtle.exportKey("jwk", this.keys.publicKey)) as JsonWebKey;
    const cose = isoCBOR.encode(
      new Map<number, number | Uint8Array>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, isoBase64URL.toBuffer(jwk.x!)],
        [-3, isoBase64URL.toBuffer(jwk.y!)],
      ]),
    );
    const authData = isoUint8Array.concat([
      await sha256(isoUint8Array.fromUTF8String(options.rp?.id ?? this.rpId)),
      new Uint8Array([0x45]), // user present, user verified, attested credential data
      u32(this.counter),
      new Uint8Array(16), // AAGUID
      new Uint8Array([0, this.credentialId.length]),
      this.credentialId,
      cose,
    ]);
    const attestationObject = isoCBOR.encode(
      new Map<string, string | Map<string, never> | Uint8Array>([
        ["fmt", "none"],
        ["attStmt", new Map<string, never>()],
        ["authData", authData],
      ]),
    );
    return {
      id: this.id,
      rawId: this.id,
      type: "public-key",
      response: {
        clientDataJSON: b64(this.clientData("webauthn.create", options.challenge)),
        attestationObject: b64(attestationObject),
        transports: ["internal"],
      },
      clientExtensionResults: {},
      authenticatorAttachment: "platform",
    };
  }

  /** `navigator.credentials.get`: an AuthenticationResponseJSON signed with this passkey. */
  async get(options: Options, counter = this.counter + 1) {
    if (!this.keys) throw new Error("create() first");
    this.counter = counter;
    const authData = isoUint8Array.concat([
      await sha256(isoUint8Array.fromUTF8String(options.rpId ?? this.rpId)),
      new Uint8Array([0x05]), // user present, user verified
      u32(counter),
    ]);
    const clientDataJSON = this.clientData("webauthn.get", options.challenge);
    const signed = isoUint8Array.concat([authData, await sha256(clientDataJSON)]);
    const raw = new Uint8Array(
      await crypto.subtle.sign(
        { name: "ECDSA", hash: "SHA-256" },
        this.keys.privateKey,
        signed as Uint8Array<ArrayBuffer>,
      ),
    );
    return {
      id: this.id,
      rawId: this.id,
      type: "public-key",
      response: {
        clientDataJSON: b64(clientDataJSON),
        authenticatorData: b64(authData),
        signature: b64(derSignature(raw)),
        userHandle: this.userHandle,
      },
      clientExtensionResults: {},
      authenticatorAttachment: "platform",
    };
  }
}
