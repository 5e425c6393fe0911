import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/**
 * An independent SigV4 verifier (node:crypto, not aws4fetch), so a mistake in how we sign —
 * wrong service, region, host, header set or payload hash — fails here the way AWS would fail it.
 * It recomputes the canonical request from the request as received on the wire.
 */
export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** Temporary credentials: every request must carry this X-Amz-Security-Token, signed. */
  sessionToken?: string;
}

export interface IncomingSigned {
  method: string;
  /** Path and query exactly as received, e.g. "/meetings/abc/attendees?x=1". */
  url: string;
  /** Header names lower-cased; repeated headers joined with ",". */
  headers: Record<string, string>;
  body: Buffer;
}

export type VerifyOutcome =
  | { ok: true; service: string; region: string; accessKeyId: string }
  | { ok: false; status: 400 | 403; code: string; message: string };

const sha256Hex = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");
const hmac = (key: Buffer | string, data: string) => createHmac("sha256", key).update(data).digest();

/** RFC 3986 encoding as SigV4 wants it: everything but unreserved characters. */
export const uriEncode = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function canonicalPath(path: string): string {
  // Non-S3 services: each segment is normalised (decoded) and encoded twice.
  const segments = path.split("/").map((seg) => uriEncode(uriEncode(safeDecode(seg))));
  return segments.join("/") || "/";
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function canonicalQuery(search: string): string {
  if (!search) return "";
  return search
    .split("&")
    .filter(Boolean)
    .map((pair) => {
      const at = pair.indexOf("=");
      const k = at < 0 ? pair : pair.slice(0, at);
      const v = at < 0 ? "" : pair.slice(at + 1);
      return [uriEncode(safeDecode(k.replace(/\+/g, " "))), uriEncode(safeDecode(v.replace(/\+/g, " ")))] as const;
    })
    .sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
}

export function canonicalRequest(req: IncomingSigned, signedHeaders: string[], payloadHash: string): string {
  const q = req.url.indexOf("?");
  const path = q < 0 ? req.url : req.url.slice(0, q);
  const search = q < 0 ? "" : req.url.slice(q + 1);
  const headerLines = signedHeaders.map((name) => `${name}:${(req.headers[name] ?? "").trim().replace(/\s+/g, " ")}\n`);
  return [
    req.method.toUpperCase(),
    canonicalPath(path),
    canonicalQuery(search),
    headerLines.join(""),
    signedHeaders.join(";"),
    payloadHash,
  ].join("\n");
}

export function signature(secretAccessKey: string, amzDate: string, scope: string, canonical: string): string {
  const [date, region, service] = scope.split("/") as [string, string, string];
  const stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256Hex(canonical)].join("\n");
  const kDate = hmac(`AWS4${secretAccessKey}`, date);
  const kSigning = hmac(hmac(hmac(kDate, region), service), "aws4_request");
  return createHmac("sha256", kSigning).update(stringToSign).digest("hex");
}

const AUTH =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;

/** Checks a request's Authorization header as AWS would; `now` bounds the clock skew (15 min). */
export function verifySigV4(req: IncomingSigned, known: Credentials[], now: Date = new Date()): VerifyOutcome {
  const auth = req.headers.authorization;
  if (!auth)
    return {
      ok: false,
      status: 403,
      code: "MissingAuthenticationTokenException",
      message: "Missing Authentication Token",
    };
  const m = AUTH.exec(auth);
  if (!m)
    return {
      ok: false,
      status: 400,
      code: "IncompleteSignatureException",
      message: `Malformed Authorization header: ${auth.slice(0, 80)}`,
    };
  const [, accessKeyId, date, region, service, signedList, given] = m as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const creds = known.find((c) => c.accessKeyId === accessKeyId);
  if (!creds)
    return {
      ok: false,
      status: 403,
      code: "UnrecognizedClientException",
      message: "The security token included in the request is invalid.",
    };
  const token = req.headers["x-amz-security-token"];
  if (creds.sessionToken !== undefined && token !== creds.sessionToken) {
    return {
      ok: false,
      status: 403,
      code: "UnrecognizedClientException",
      message: "The security token included in the request is invalid.",
    };
  }
  const amzDate = req.headers["x-amz-date"];
  if (!amzDate || !/^\d{8}T\d{6}Z$/.test(amzDate) || !amzDate.startsWith(date)) {
    return {
      ok: false,
      status: 400,
      code: "IncompleteSignatureException",
      message: "X-Amz-Date is missing or does not match the credential scope date.",
    };
  }
  const signedAt = Date.parse(
    `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`,
  );
  if (Math.abs(now.getTime() - signedAt) > 15 * 60_000) {
    return {
      ok: false,
      status: 403,
      code: "InvalidSignatureException",
      message: "Signature expired: the request time is too far from the server time.",
    };
  }
  const signedHeaders = signedList.split(";");
  if (!signedHeaders.includes("host") || !signedHeaders.includes("x-amz-date")) {
    return {
      ok: false,
      status: 403,
      code: "InvalidSignatureException",
      message: "host and x-amz-date must be signed.",
    };
  }
  if (creds.sessionToken !== undefined && !signedHeaders.includes("x-amz-security-token")) {
    return {
      ok: false,
      status: 403,
      code: "InvalidSignatureException",
      message: "x-amz-security-token must be signed.",
    };
  }
  const bodyHash = sha256Hex(req.body);
  const declared = req.headers["x-amz-content-sha256"];
  if (declared && declared !== "UNSIGNED-PAYLOAD" && declared !== bodyHash) {
    return {
      ok: false,
      status: 400,
      code: "XAmzContentSHA256Mismatch",
      message: "The provided x-amz-content-sha256 does not match the body.",
    };
  }
  const scope = `${date}/${region}/${service}/aws4_request`;
  const expected = signature(
    creds.secretAccessKey,
    amzDate,
    scope,
    canonicalRequest(req, signedHeaders, declared ?? bodyHash),
  );
  if (!timingSafeEqual(Buffer.from(expected), Buffer.from(given))) {
    return {
      ok: false,
      status: 403,
      code: "InvalidSignatureException",
      message: "The request signature we calculated does not match the signature you provided.",
    };
  }
  return { ok: true, service, region, accessKeyId };
}
