import { describe, expect, it } from "vitest";
import { awsErrorFrom, AwsError } from "../../server/providers/aws/errors";
import { chimeRequestToken } from "../../server/media/request-token";

const errorResponse = (status: number, type: string, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json", "x-amzn-ErrorType": type },
  });

describe("AWS error responses", () => {
  it("counts Chime's UnauthorizedException as a credentials problem, like the other services' codes", async () => {
    const err = await awsErrorFrom(
      "chime",
      "CreateMeeting",
      errorResponse(401, "UnauthorizedException", { Code: "Unauthorized", Message: "Unauthorized" }),
    );
    expect(err).toMatchObject({ status: 401, code: "UnauthorizedException" });
    expect(err.credentials).toBe(true);
    expect(new AwsError("ivs", "GetChannel", 403, "UnrecognizedClientException", "x").credentials).toBe(true);
  });

  it("reads IVS's exceptionMessage as the error's text", async () => {
    const err = await awsErrorFrom(
      "ivs",
      "GetChannel",
      errorResponse(404, "ResourceNotFoundException", { exceptionMessage: "Channel arn:aws:ivs:x not found" }),
    );
    expect(err.message).toBe("ivs GetChannel failed (404 ResourceNotFoundException): Channel arn:aws:ivs:x not found");
  });
});

describe("Chime's CreateMeeting token", () => {
  it("is the call key and generation when that fits in 64 characters", async () => {
    expect(await chimeRequestToken("ses_abc.main", 3)).toBe("ses_abc-main-g3");
  });

  it("keeps every generation of a long call key distinct, within Chime's 2–64 of [-_a-zA-Z0-9]", async () => {
    const key = `ses_${"x".repeat(24)}.pair.reg_${"a".repeat(24)}.reg_${"b".repeat(24)}`;
    const tokens = await Promise.all(Array.from({ length: 12 }, (_, i) => chimeRequestToken(key, i + 1)));
    expect(new Set(tokens).size).toBe(12);
    expect(tokens[9]).not.toBe(tokens[0]);
    for (const token of tokens) expect(token).toMatch(/^[-_a-zA-Z0-9]{2,64}$/);
    expect(tokens[9]).toMatch(/-g10$/);
    // Two long keys that share their first 64 characters still get different tokens.
    expect(await chimeRequestToken(`${key}.other`, 1)).not.toBe(tokens[0]);
    // The same key and generation always give the same token (that is what makes it idempotent).
    expect(await chimeRequestToken(key, 10)).toBe(tokens[9]);
  });
});
