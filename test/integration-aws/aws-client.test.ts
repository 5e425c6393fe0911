import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { getConfig } from "../../server/config";
import { AwsApi } from "../../server/providers/aws/client";
import { AwsError } from "../../server/providers/aws/errors";
import { fakeAws } from "./fake";

/** The signed-fetch plumbing every AWS provider uses, from inside workerd to the fake endpoint. */
describe("signed AWS calls against the fake endpoint", () => {
  beforeEach(() => fakeAws.reset());

  const api = () => new AwsApi(getConfig(env).aws!, { retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 2 } });

  it("reaches the fake with a signature it accepts", async () => {
    const out = await api().call<{ Meeting: { MeetingId: string; ExternalMeetingId: string } }>("chime", {
      operation: "CreateMeeting",
      method: "POST",
      path: "/meetings",
      body: { ClientRequestToken: "tok-1", MediaRegion: "eu-west-1", ExternalMeetingId: "ses_smoke" },
    });
    expect(out.Meeting.ExternalMeetingId).toBe("ses_smoke");
    const [logged] = await fakeAws.requests();
    // AWS_REGION is eu-west-1, where Chime SDK Meetings has no API: CHIME_REGION's default is eu-central-1.
    expect(logged).toMatchObject({ service: "chime", operation: "CreateMeeting", status: 200, region: "eu-central-1" });
  });

  it("is refused, as AWS refuses it, when a Chime call is signed for a region Chime is not controlled from", async () => {
    const outside = new AwsApi({ ...getConfig(env).aws!, chimeRegion: "eu-west-1" as "eu-central-1" });
    const err = await outside
      .call("chime", { operation: "GetMeeting", method: "GET", path: "/meetings/m1" })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 403, code: "InvalidSignatureException" });
    expect((err as AwsError).message).toMatch(/scoped to a valid region, not 'eu-west-1'/);
  });

  it("turns a refused signature into an AwsError naming the credentials", async () => {
    const wrong = new AwsApi({ ...getConfig(env).aws!, secretAccessKey: "not-the-right-secret-0000" });
    const err = await wrong
      .call("ivs", { operation: "GetChannel", method: "POST", path: "/GetChannel", body: { arn: "arn:aws:ivs:x" } })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AwsError);
    expect((err as AwsError).code).toBe("InvalidSignatureException");
    expect((err as AwsError).credentials).toBe(true);
  });

  it("retries throttling on idempotent calls and gives up on client errors", async () => {
    await fakeAws.fault({
      service: "ivs",
      operation: "CreateChannel",
      status: 429,
      code: "ThrottlingException",
      times: 2,
    });
    const out = await api().call<{ channel: { arn: string } }>("ivs", {
      operation: "CreateChannel",
      method: "POST",
      path: "/CreateChannel",
      body: { name: "stage", latencyMode: "LOW", type: "STANDARD" },
      idempotent: true,
    });
    expect(out.channel.arn).toMatch(/^arn:aws:ivs:eu-west-1:/);
    expect((await fakeAws.requests()).map((r) => r.status)).toEqual([429, 429, 200]);

    await fakeAws.reset();
    const shapeErr = await api()
      .call("ivs", {
        operation: "CreateChannel",
        method: "POST",
        path: "/CreateChannel",
        body: { latencyMode: "FAST" },
        idempotent: true,
      })
      .catch((e: unknown) => e);
    expect(shapeErr).toMatchObject({ status: 400, code: "ValidationException" });
    expect((await fakeAws.requests()).length).toBe(1);
  });
});
