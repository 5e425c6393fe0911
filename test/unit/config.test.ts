import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig, parseSigningKeys, type Settings } from "../../server/config";

const base = {
  PUBLIC_URL: "https://events.example.com/",
  ADMIN_TOKEN: "a".repeat(32),
  LINK_SIGNING_KEYS: `k2:${"b".repeat(32)},k1:${"c".repeat(32)}`,
} satisfies Settings;

function fieldsOf(env: Settings): Record<string, string> {
  try {
    parseConfig({ ...base, ...env });
  } catch (err) {
    if (err instanceof ConfigError) return { ...err.fields };
    throw err;
  }
  return {};
}

describe("configuration", () => {
  it("defaults to the local providers", () => {
    const config = parseConfig(base);
    expect(config.media).toBe("local");
    expect(config.email).toBe("outbox");
    expect(config.publicUrl).toBe("https://events.example.com");
    expect(config.signingKeys.map((k) => k.id)).toEqual(["k2", "k1"]);
  });

  it("keeps the demo seeding off unless DEMO=true", () => {
    expect(parseConfig(base).demo).toBe(false);
    expect(parseConfig({ ...base, DEMO: "false" }).demo).toBe(false);
    expect(parseConfig({ ...base, DEMO: "true" }).demo).toBe(true);
    expect(fieldsOf({ DEMO: "yes" })).toEqual({ DEMO: "must be true or false" });
  });

  it("treats blank settings (from the .dev.vars template) as absent", () => {
    expect(fieldsOf({ ADMIN_TOKEN: "   " })).toEqual({ ADMIN_TOKEN: "is missing" });
  });

  it.each([
    [{ PUBLIC_URL: "events.example.com" }, "PUBLIC_URL"],
    [{ PUBLIC_URL: "ftp://x.example" }, "PUBLIC_URL"],
    [{ ADMIN_TOKEN: "short" }, "ADMIN_TOKEN"],
    [{ LINK_SIGNING_KEYS: "nokeyid" }, "LINK_SIGNING_KEYS"],
    [{ LINK_SIGNING_KEYS: `k1:${"x".repeat(31)}` }, "LINK_SIGNING_KEYS"],
    [{ EMAIL_PROVIDER: "smtp" }, "EMAIL_PROVIDER"],
    [{ AWS_REGION: "Europe" }, "AWS_REGION"],
  ])("names the bad setting %o", (env, name) => {
    expect(Object.keys(fieldsOf(env))).toEqual([name]);
  });

  it("refuses duplicate key ids", () => {
    expect(parseSigningKeys(`k1:${"a".repeat(32)},k1:${"b".repeat(32)}`)).toBeUndefined();
  });

  it("needs AWS credentials for MEDIA_PROVIDER=aws, and takes an endpoint override", () => {
    expect(Object.keys(fieldsOf({ MEDIA_PROVIDER: "aws" })).sort()).toEqual([
      "AWS_ACCESS_KEY_ID",
      "AWS_REGION",
      "AWS_SECRET_ACCESS_KEY",
    ]);
    const config = parseConfig({
      ...base,
      MEDIA_PROVIDER: "aws",
      AWS_REGION: "eu-west-1",
      AWS_ACCESS_KEY_ID: "AKIDEXAMPLE000000",
      AWS_SECRET_ACCESS_KEY: "secret-secret-secret",
      AWS_ENDPOINT_OVERRIDE: "http://127.0.0.1:4566",
    });
    expect(config.aws).toEqual({
      region: "eu-west-1",
      chimeRegion: "eu-central-1",
      accessKeyId: "AKIDEXAMPLE000000",
      secretAccessKey: "secret-secret-secret",
      sessionToken: undefined,
      endpointOverride: "http://127.0.0.1:4566",
    });
  });

  const aws = {
    ...base,
    MEDIA_PROVIDER: "aws",
    AWS_ACCESS_KEY_ID: "AKIDEXAMPLE000000",
    AWS_SECRET_ACCESS_KEY: "secret-secret-secret",
  };

  it("controls Chime from CHIME_REGION, refusing regions Chime SDK Meetings is not controlled from", () => {
    const chimeRegion = (more: Record<string, string>) => parseConfig({ ...aws, ...more }).aws?.chimeRegion;
    expect(chimeRegion({ AWS_REGION: "eu-west-1", CHIME_REGION: "us-west-2" })).toBe("us-west-2");
    expect(fieldsOf({ ...aws, AWS_REGION: "eu-central-1", CHIME_REGION: "eu-west-1" })).toEqual({
      CHIME_REGION: "must be a Chime SDK control region: us-east-1, us-west-2, eu-central-1, ap-southeast-1",
    });
    // The default: AWS_REGION when it is a control region, else the nearest control region.
    expect(chimeRegion({ AWS_REGION: "ap-southeast-1" })).toBe("ap-southeast-1");
    expect(chimeRegion({ AWS_REGION: "eu-west-1" })).toBe("eu-central-1");
    expect(chimeRegion({ AWS_REGION: "ap-northeast-1" })).toBe("ap-southeast-1");
    expect(chimeRegion({ AWS_REGION: "us-west-1" })).toBe("us-west-2");
    expect(chimeRegion({ AWS_REGION: "sa-east-1" })).toBe("us-east-1");
  });

  it("takes temporary credentials' AWS_SESSION_TOKEN", () => {
    const config = parseConfig({
      ...aws,
      AWS_REGION: "us-east-1",
      AWS_SESSION_TOKEN: "FwoGZXIvYXdzEJr//////////wEaDK",
    });
    expect(config.aws?.sessionToken).toBe("FwoGZXIvYXdzEJr//////////wEaDK");
  });

  it("throttles e-mail to SES's default 14 a second unless told otherwise", () => {
    expect(parseConfig(base).emailRatePerSecond).toBe(14);
    expect(parseConfig({ ...base, EMAIL_RATE_PER_SECOND: "50" }).emailRatePerSecond).toBe(50);
    expect(fieldsOf({ EMAIL_RATE_PER_SECOND: "fast" })).toEqual({
      EMAIL_RATE_PER_SECOND: "must be a whole number of e-mails per second",
    });
    expect(fieldsOf({ EMAIL_RATE_PER_SECOND: "0" })).toEqual({ EMAIL_RATE_PER_SECOND: "must be at least 1" });
  });
});
