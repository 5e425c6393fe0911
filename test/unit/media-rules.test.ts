import { describe, expect, it } from "vitest";
import {
  admit,
  mayRelay,
  rosterOf,
  type AdmissionInput,
  type RosterEntry,
} from "../../durable-objects/features/rtc/rules.ts";
import { mediaApiError } from "../../server/media/aws-errors.ts";
import { AwsError } from "../../server/providers/aws/errors.ts";
import { parseConfig } from "../../server/config.ts";

const base: AdmissionInput = {
  kind: "breakout",
  call: "main",
  registrationId: "reg_a",
  role: "participant",
  removed: false,
  members: undefined,
  othersInCall: 0,
  maxPeers: 6,
};

describe("who may join a call", () => {
  it("lets the audience into a breakout's call until the mesh is full", () => {
    expect(admit(base)).toEqual({ ok: true });
    expect(admit({ ...base, othersInCall: 5 })).toEqual({ ok: true });
    expect(admit({ ...base, othersInCall: 6 })).toMatchObject({ ok: false, code: "limit_reached", reason: "full" });
    expect(admit({ ...base, othersInCall: 200, maxPeers: null })).toEqual({ ok: true });
  });

  it("refuses stages, removed people, unpaired carousel guests and uninvited stream-room guests", () => {
    expect(admit({ ...base, kind: "stage" })).toMatchObject({ ok: false, reason: "no_call" });
    expect(admit({ ...base, removed: true })).toMatchObject({ ok: false, reason: "removed", code: "not_allowed" });
    expect(admit({ ...base, kind: "carousel" })).toMatchObject({ ok: false, reason: "not_paired" });
    expect(
      admit({ ...base, kind: "carousel", call: "round1-pair3", members: new Set(["reg_b", "reg_c"]) }),
    ).toMatchObject({ ok: false });
    expect(admit({ ...base, kind: "carousel", call: "round1-pair3", members: new Set(["reg_a", "reg_c"]) })).toEqual({
      ok: true,
    });
    expect(admit({ ...base, kind: "stream-room" })).toMatchObject({ ok: false, reason: "not_invited" });
    expect(admit({ ...base, kind: "stream-room", role: "producer" })).toEqual({ ok: true });
    expect(admit({ ...base, kind: "stream-room", members: new Set(["reg_a"]) })).toEqual({ ok: true });
  });

  it("relays only between two different peers of the same call", () => {
    const m = (call: string, peer: string) => ({
      call,
      peer,
      media: { audio: true, video: true, screen: false },
      joinedAt: 0,
    });
    expect(mayRelay(m("main", "p1"), m("main", "p2"), "main")).toBe(true);
    expect(mayRelay(m("main", "p1"), m("pair", "p2"), "main")).toBe(false);
    expect(mayRelay(m("main", "p1"), m("main", "p1"), "main")).toBe(false);
    expect(mayRelay(undefined, m("main", "p2"), "main")).toBe(false);
    expect(mayRelay(m("pair", "p1"), m("pair", "p2"), "main")).toBe(false);
  });

  it("reads the roster from socket attachments", () => {
    const a = (id: string, call?: string): RosterEntry => ({
      registrationId: id,
      name: id,
      role: "participant",
      ...(call
        ? { rtc: { call, peer: `peer_${id}xxxx`, media: { audio: false, video: true, screen: false }, joinedAt: 0 } }
        : {}),
    });
    expect(rosterOf([a("r1", "main"), a("r2"), a("r3", "pair")], "main").map((p) => p.registrationId)).toEqual(["r1"]);
  });
});

describe("AWS failures as API errors", () => {
  const err = (status: number, code: string, service = "chime", message = "boom") =>
    new AwsError(service, "CreateMeeting", status, code, message);
  const quiet = <T>(fn: () => T): T => {
    const original = console.error;
    console.error = () => undefined;
    try {
      return fn();
    } finally {
      console.error = original;
    }
  };

  it("says what happened and whether trying again helps", () => {
    const throttled = quiet(() => mediaApiError(err(429, "ThrottlingException"), "join the call"));
    expect(throttled).toMatchObject({ status: 503, retryAfterSeconds: 3 });
    expect(throttled.message).toBe(
      "Amazon Chime SDK is busy right now, so we could not join the call. Please try again in a few seconds.",
    );
    expect(quiet(() => mediaApiError(err(403, "UnrecognizedClientException"), "join the call"))).toMatchObject({
      status: 502,
    });
    expect(
      quiet(() => mediaApiError(err(403, "AccessDeniedException", "ivs"), "set up the stage video")).message,
    ).toMatch(/not allowed to use Amazon IVS/);
    expect(
      quiet(() => mediaApiError(err(402, "ServiceQuotaExceededException", "ivs"), "set up the stage video")).message,
    ).toMatch(/raise the AWS quota/);
    // CHIME_REGION is validated, so an unreachable Chime is not blamed on AWS_REGION any more.
    expect(quiet(() => mediaApiError(err(503, "NetworkError"), "join the call")).message).toBe(
      "We could not reach Amazon Chime SDK, so we could not join the call. Please try again in a moment.",
    );
    expect(
      quiet(() => mediaApiError(err(400, "BadRequestException", "chime", "Invalid MediaRegion"), "join the call"))
        .message,
    ).toMatch(/region settings/);
    expect(quiet(() => mediaApiError(err(500, "ServiceFailureException"), "end the call"))).toMatchObject({
      status: 503,
    });
    expect(() => mediaApiError(new Error("not AWS"), "join the call")).toThrow("not AWS");
  });
});

describe("media settings", () => {
  const settings = {
    PUBLIC_URL: "https://events.example.com",
    ADMIN_TOKEN: "a".repeat(32),
    LINK_SIGNING_KEYS: `k1:${"s".repeat(32)}`,
  };

  it("defaults to a six-person mesh and STANDARD (adaptive) IVS channels", () => {
    expect(parseConfig(settings)).toMatchObject({ meshMaxPeers: 6, ivsChannelType: "STANDARD" });
    expect(parseConfig({ ...settings, CALL_MESH_MAX_PEERS: "4", IVS_CHANNEL_TYPE: "ADVANCED_HD" })).toMatchObject({
      meshMaxPeers: 4,
      ivsChannelType: "ADVANCED_HD",
    });
  });

  it("names a bad mesh cap", () => {
    expect(() => parseConfig({ ...settings, CALL_MESH_MAX_PEERS: "40" })).toThrow(
      /CALL_MESH_MAX_PEERS must be a whole number from 2 to 12/,
    );
  });
});
