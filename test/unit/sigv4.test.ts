import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { AwsApi, signRequest } from "../../server/providers/aws/client";
import { canonicalRequest, verifySigV4 } from "../fake-aws/sigv4";

/**
 * Vectors from the public AWS Signature Version 4 test suite (credentials AKIDEXAMPLE, service
 * "service", region us-east-1, 2015-08-30T12:36:00Z, host example.amazonaws.com).
 */
const SUITE = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
  region: "us-east-1",
  signingName: "service",
  datetime: "20150830T123600Z",
};

const vectors: {
  name: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  signedHeaders: string;
  signature: string;
}[] = [
  {
    name: "get-vanilla",
    method: "GET",
    path: "/",
    signedHeaders: "host;x-amz-date",
    signature: "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
  },
  {
    name: "post-vanilla",
    method: "POST",
    path: "/",
    signedHeaders: "host;x-amz-date",
    signature: "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b",
  },
  {
    name: "post-vanilla-query",
    method: "POST",
    path: "/?Param1=value1",
    signedHeaders: "host;x-amz-date",
    signature: "28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11",
  },
  {
    name: "get-vanilla-query-order-key-case",
    method: "GET",
    path: "/?Param2=value2&Param1=value1",
    signedHeaders: "host;x-amz-date",
    signature: "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500",
  },
  {
    name: "post-header-key-case",
    method: "POST",
    path: "/",
    headers: { "My-Header1": "value1" },
    signedHeaders: "host;my-header1;x-amz-date",
    signature: "c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c",
  },
  {
    name: "post-header-value-case",
    method: "POST",
    path: "/",
    headers: { "My-Header1": "VALUE1" },
    signedHeaders: "host;my-header1;x-amz-date",
    signature: "cdbc9802e29d2942e5e10b5bccfdd67c5f22c7c4e8ae67b53629efa58b974b7d",
  },
  {
    name: "post-x-www-form-urlencoded",
    method: "POST",
    path: "/",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: "Param1=value1",
    signedHeaders: "content-type;host;x-amz-date",
    signature: "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a",
  },
];

const suiteNow = new Date("2015-08-30T12:36:00Z");
const authorization = (signedHeaders: string, sig: string) =>
  `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=${signedHeaders}, Signature=${sig}`;

describe("SigV4 test suite: our signing setup (aws4fetch as we configure it)", () => {
  it.each(vectors)("$name", async (vector) => {
    const headers = await signRequest({
      ...SUITE,
      url: `https://example.amazonaws.com${vector.path}`,
      method: vector.method,
      headers: vector.headers,
      body: vector.body,
    });
    expect(headers.get("Authorization")).toBe(authorization(vector.signedHeaders, vector.signature));
  });

  it("a different service, region or secret gives a different signature", async () => {
    const base = { url: "https://example.amazonaws.com/", method: "GET" };
    const good = (await signRequest({ ...SUITE, ...base })).get("Authorization");
    for (const wrong of [{ signingName: "chime" }, { region: "eu-west-1" }, { secretAccessKey: "x".repeat(40) }]) {
      expect((await signRequest({ ...SUITE, ...base, ...wrong })).get("Authorization")).not.toBe(good);
    }
  });
});

describe("SigV4 test suite: the fake AWS endpoint's verifier", () => {
  it.each(vectors)("accepts $name", (vector) => {
    const headers: Record<string, string> = { host: "example.amazonaws.com", "x-amz-date": SUITE.datetime };
    for (const [k, v] of Object.entries(vector.headers ?? {})) headers[k.toLowerCase()] = v;
    headers.authorization = authorization(vector.signedHeaders, vector.signature);
    const outcome = verifySigV4(
      { method: vector.method, url: vector.path, headers, body: Buffer.from(vector.body ?? "") },
      [SUITE],
      suiteNow,
    );
    expect(outcome).toEqual({ ok: true, service: "service", region: "us-east-1", accessKeyId: "AKIDEXAMPLE" });
  });

  it("computes the suite's canonical request for post-x-www-form-urlencoded", () => {
    const body = "Param1=value1";
    const canonical = canonicalRequest(
      {
        method: "POST",
        url: "/",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          host: "example.amazonaws.com",
          "x-amz-date": SUITE.datetime,
        },
        body: Buffer.from(body),
      },
      ["content-type", "host", "x-amz-date"],
      createHash("sha256").update(body).digest("hex"),
    );
    expect(canonical).toBe(
      "POST\n/\n\ncontent-type:application/x-www-form-urlencoded\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\ncontent-type;host;x-amz-date\n9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e",
    );
  });

  it.each([
    ["a changed body", { body: "Param1=value2" }, "InvalidSignatureException"],
    ["an unknown access key", { key: "AKIDOTHER" }, "UnrecognizedClientException"],
    ["a stale date", { now: new Date("2015-08-30T13:00:00Z") }, "InvalidSignatureException"],
    ["no Authorization header", { noAuth: true }, "MissingAuthenticationTokenException"],
  ] as const)("refuses %s", (_, change, code) => {
    const v = vectors.find((x) => x.name === "post-x-www-form-urlencoded")!;
    const headers: Record<string, string> = {
      host: "example.amazonaws.com",
      "x-amz-date": SUITE.datetime,
      "content-type": "application/x-www-form-urlencoded",
    };
    if (!("noAuth" in change)) {
      headers.authorization = authorization(v.signedHeaders, v.signature).replace(
        "AKIDEXAMPLE",
        "key" in change ? change.key : "AKIDEXAMPLE",
      );
    }
    const outcome = verifySigV4(
      { method: "POST", url: "/", headers, body: Buffer.from("body" in change ? change.body : v.body!) },
      [SUITE],
      "now" in change ? change.now : suiteNow,
    );
    expect(outcome).toMatchObject({ ok: false, code });
  });
});

describe("AwsApi: each service signs with its own name and host", () => {
  const aws = {
    region: "eu-west-1",
    chimeRegion: "eu-central-1",
    accessKeyId: "AKIDFOYERTEST00000",
    secretAccessKey: "foyer-test-secret-key-0123",
    sessionToken: undefined,
    endpointOverride: undefined,
  } as const;
  it.each([
    ["ivs", "ivs.eu-west-1.amazonaws.com", "/eu-west-1/ivs/aws4_request"],
    // Chime SDK Meetings is controlled from CHIME_REGION, not AWS_REGION.
    ["chime", "meetings-chime.eu-central-1.amazonaws.com", "/eu-central-1/chime/aws4_request"],
    ["ses", "email.eu-west-1.amazonaws.com", "/eu-west-1/ses/aws4_request"],
  ] as const)("%s → %s", async (service, host, scope) => {
    const req = await new AwsApi(aws).sign(service, { method: "POST", path: "/x", body: { a: 1 } });
    expect(new URL(req.url).host).toBe(host);
    expect(req.headers.get("Authorization")).toContain(scope);
  });

  it("keeps the signing name when every service goes to one override endpoint", async () => {
    const req = await new AwsApi({ ...aws, endpointOverride: "http://127.0.0.1:4566/" }).sign("chime", {
      method: "GET",
      path: "/meetings/m1",
    });
    expect(req.url).toBe("http://127.0.0.1:4566/meetings/m1");
    expect(req.headers.get("Authorization")).toContain("/eu-central-1/chime/aws4_request");
  });

  it("produces requests the independent verifier accepts", async () => {
    const req = await new AwsApi({ ...aws, endpointOverride: "http://127.0.0.1:4566" }).sign("ses", {
      method: "POST",
      path: "/v2/email/outbound-emails",
      body: { hello: "wörld" },
    });
    const headers: Record<string, string> = { host: "127.0.0.1:4566" };
    req.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const outcome = verifySigV4(
      { method: "POST", url: "/v2/email/outbound-emails", headers, body: Buffer.from(await req.text()) },
      [{ accessKeyId: aws.accessKeyId, secretAccessKey: aws.secretAccessKey }],
    );
    expect(outcome).toMatchObject({ ok: true, service: "ses", region: "eu-west-1" });
  });

  it("signs temporary credentials' session token, and the verifier insists on it", async () => {
    const creds = {
      accessKeyId: aws.accessKeyId,
      secretAccessKey: aws.secretAccessKey,
      sessionToken: "FwoGZXIvYXdzEJr-token",
    };
    const signed = async (config: typeof aws | (Omit<typeof aws, "sessionToken"> & { sessionToken: string })) => {
      const req = await new AwsApi({ ...config, endpointOverride: "http://127.0.0.1:4566" }).sign("ivs", {
        method: "POST",
        path: "/GetChannel",
        body: { arn: "a" },
      });
      const headers: Record<string, string> = { host: "127.0.0.1:4566" };
      req.headers.forEach((value, name) => {
        headers[name] = value;
      });
      return { method: "POST", url: "/GetChannel", headers, body: Buffer.from(await req.text()) };
    };
    const withToken = await signed({ ...aws, sessionToken: creds.sessionToken });
    expect(withToken.headers["x-amz-security-token"]).toBe(creds.sessionToken);
    expect(withToken.headers.authorization).toMatch(/SignedHeaders=[^,]*x-amz-security-token/);
    expect(verifySigV4(withToken, [creds])).toMatchObject({ ok: true });
    // Without the token, or with it left out of the signature, AWS refuses temporary keys.
    expect(verifySigV4(await signed(aws), [creds])).toMatchObject({ ok: false, code: "UnrecognizedClientException" });
    const unsigned = {
      ...withToken,
      headers: { ...withToken.headers, "x-amz-security-token": "FwoGZXIvYXdzEJr-other" },
    };
    expect(verifySigV4(unsigned, [creds])).toMatchObject({ ok: false, code: "UnrecognizedClientException" });
  });
});
