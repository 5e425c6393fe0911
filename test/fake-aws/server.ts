import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { chimeRoutes, type FakeMeeting } from "./services/chime.ts";
import { ivsRoutes, type FakeChannel } from "./services/ivs.ts";
import { sesRoutes, type SentEmail } from "./services/ses.ts";
import { fakePlayback } from "./playback.ts";
import { verifySigV4, type Credentials } from "./sigv4.ts";
import { CHIME_CONTROL_REGIONS, defaultChimeRegion } from "../../server/config.ts";
import type { Fault, LoggedRequest } from "./control.ts";
import { AwsFault, FakeServices, matchRoute, type FakeService, type Route } from "./types.ts";

export type { Fault, LoggedRequest };

/**
 * A local stand-in for the AWS APIs Foyer calls (SES v2; IVS channels, stream keys, streams and
 * ListChannels; Chime SDK Meetings meetings and attendees, including ListAttendees). It verifies
 * every request's SigV4 signature against the configured credentials, checks request shapes
 * against the official models (test/integration-aws/official-sdk.test.ts sends the official
 * SDK's requests here), routes by method, path and `?operation=`, keeps in-memory state, logs requests, and injects faults on demand. With AWS_ENDPOINT_OVERRIDE
 * every service shares one host, so the service is read from the signature's credential scope.
 *
 * Control API (unsigned, test-only): GET /__fake/requests, GET /__fake/state, POST /__fake/reset,
 * POST /__fake/faults {service, operation, status, code, message?, times?, delayMs?},
 * POST /__fake/ivs/live {channelArn, live, viewerCount?, health?}.
 */
export interface FakeAwsOptions {
  port?: number;
  host?: string;
  /** Region of IVS and SES. */
  region: string;
  /**
   * Control region of Chime SDK Meetings (default: derived from `region` as CHIME_REGION is).
   * Chime calls signed for any other region are refused, as AWS refuses them.
   */
  chimeRegion?: string;
  credentials: Credentials[];
  /** Serve channel playback from this fake (its own public base URL); see services/ivs.ts. */
  playbackBase?: string;
}

export interface FakeAws {
  url: string;
  requests: LoggedRequest[];
  sent: SentEmail[];
  channels: Map<string, FakeChannel>;
  meetings: Map<string, FakeMeeting>;
  faults: Fault[];
  reset(): void;
  close(): Promise<void>;
}

export async function startFakeAws(options: FakeAwsOptions): Promise<FakeAws> {
  const requests: LoggedRequest[] = [];
  const sent: SentEmail[] = [];
  const channels = new Map<string, FakeChannel>();
  const meetings = new Map<string, FakeMeeting>();
  const faults: Fault[] = [];
  const routes: Record<FakeService, Route[]> = {
    ses: sesRoutes(sent),
    ivs: ivsRoutes(channels, () => options.region, options.playbackBase),
    chime: chimeRoutes(meetings),
  };
  const chimeRegion = options.chimeRegion ?? defaultChimeRegion(options.region);
  if (!(CHIME_CONTROL_REGIONS as readonly string[]).includes(chimeRegion)) {
    throw new Error(
      `Chime SDK Meetings is not controlled from ${chimeRegion}: use one of ${CHIME_CONTROL_REGIONS.join(", ")}`,
    );
  }
  // Each service answers only requests signed for the region it lives in (Chime: a control region).
  const regionOf = (service: string) => (service === "chime" ? chimeRegion : options.region);
  const reset = () => {
    requests.length = 0;
    sent.length = 0;
    channels.clear();
    meetings.clear();
    faults.length = 0;
  };

  const server: Server = createServer((req, res) => {
    readBody(req)
      .then((body) => handle(req, body, res))
      .catch((err: unknown) => reply(res, 500, { message: String(err) }, "InternalFailure"));
  });

  async function handle(req: IncomingMessage, raw: Buffer, res: ServerResponse): Promise<void> {
    const url = req.url ?? "/";
    const path = url.split("?")[0]!;
    if (req.method === "GET" && (path.startsWith("/__fake/ivs/playback/") || path.startsWith("/media/sample/"))) {
      const out = fakePlayback(path, channels);
      res
        .writeHead(out.status, {
          "Content-Type": out.type,
          "Access-Control-Allow-Origin": "*",
          "Cache-Control": "no-store",
        })
        .end(out.body);
      return;
    }
    if (path.startsWith("/__fake/")) return control(req.method ?? "GET", path, raw, res);

    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers))
      headers[name] = Array.isArray(value) ? value.join(",") : (value ?? "");
    const at = new Date().toISOString();
    const log = (
      service: string,
      operation: string,
      body: unknown,
      status: number,
      error?: string,
      region = regionOf(service),
    ) =>
      requests.push({
        service,
        operation,
        region,
        method: req.method ?? "",
        path,
        body,
        status,
        at,
        ...(error ? { error } : {}),
      });

    const verified = verifySigV4({ method: req.method ?? "GET", url, headers, body: raw }, options.credentials);
    if (!verified.ok) {
      log("?", "?", undefined, verified.status, verified.code);
      return reply(res, verified.status, { message: verified.message }, verified.code);
    }
    if (verified.region !== regionOf(verified.service)) {
      log(verified.service, "?", undefined, 403, "InvalidSignatureException", verified.region);
      return reply(
        res,
        403,
        { message: `Credential should be scoped to a valid region, not '${verified.region}'.` },
        "InvalidSignatureException",
      );
    }
    if (!FakeServices.includes(verified.service as FakeService)) {
      log(verified.service, "?", undefined, 400, "UnknownService");
      return reply(
        res,
        400,
        { message: `The fake does not speak service '${verified.service}'.` },
        "UnknownOperationException",
      );
    }
    const service = verified.service as FakeService;
    const search = url.includes("?") ? url.slice(url.indexOf("?") + 1) : "";
    const match = matchRoute(routes[service], req.method ?? "GET", path, search);
    if (!match) {
      log(service, "?", undefined, 404, "UnknownOperationException");
      return reply(
        res,
        404,
        { message: `No ${service} operation for ${req.method} ${url}` },
        "UnknownOperationException",
      );
    }
    let body: unknown;
    if (raw.length > 0) {
      if (!/json/.test(headers["content-type"] ?? "")) {
        log(service, match.route.operation, undefined, 400, "SerializationException");
        return reply(
          res,
          400,
          { message: "Expected a JSON body (Content-Type application/json)." },
          "SerializationException",
        );
      }
      try {
        body = JSON.parse(raw.toString("utf8"));
      } catch {
        log(service, match.route.operation, undefined, 400, "SerializationException");
        return reply(res, 400, { message: "The body is not valid JSON." }, "SerializationException");
      }
    }
    const fault = faults.find((f) => f.service === service && f.operation === match.route.operation);
    if (fault) {
      if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
      fault.times = (fault.times ?? 1) - 1;
      if (fault.times <= 0) faults.splice(faults.indexOf(fault), 1);
      log(service, match.route.operation, body, fault.status, fault.code);
      return reply(
        res,
        fault.status,
        errorBody(service, fault.code, fault.message ?? `Injected ${fault.code}`),
        fault.code,
      );
    }
    try {
      const out = match.route.handle({ service, name: match.route.operation, params: match.params, body: body ?? {} });
      log(service, match.route.operation, body, out.status);
      return reply(res, out.status, out.body);
    } catch (err) {
      if (!(err instanceof AwsFault)) throw err;
      log(service, match.route.operation, body, err.status, err.code);
      return reply(res, err.status, errorBody(service, err.code, err.message), err.code);
    }
  }

  function control(method: string, path: string, raw: Buffer, res: ServerResponse): void {
    const body = raw.length ? (JSON.parse(raw.toString("utf8")) as Record<string, unknown>) : {};
    if (method === "GET" && path === "/__fake/requests") return reply(res, 200, requests);
    if (method === "GET" && path === "/__fake/state") {
      return reply(res, 200, {
        sent,
        channels: [...channels.values()],
        meetings: [...meetings.values()].map((m) => ({ ...m, attendees: [...m.attendees.values()] })),
      });
    }
    if (method === "POST" && path === "/__fake/reset") {
      reset();
      return reply(res, 204);
    }
    if (method === "POST" && path === "/__fake/faults") {
      faults.push(body as unknown as Fault);
      return reply(res, 204);
    }
    if (method === "POST" && path === "/__fake/ivs/live") {
      const channel = channels.get(String(body.channelArn));
      if (!channel) return reply(res, 404, { message: "no such channel" });
      channel.live = body.live === true;
      channel.startTime = channel.live ? (channel.startTime ?? new Date().toISOString()) : null;
      if (typeof body.viewerCount === "number") channel.viewerCount = body.viewerCount;
      if (body.health === "HEALTHY" || body.health === "STARVING" || body.health === "UNKNOWN")
        channel.health = body.health;
      return reply(res, 204);
    }
    reply(res, 404, { message: `unknown control ${method} ${path}` });
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? "127.0.0.1"}:${port}`,
    requests,
    sent,
    channels,
    meetings,
    faults,
    reset,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** An operation's error body as each service's model spells it (the SDKs read these members). */
function errorBody(service: FakeService, code: string, message: string): Record<string, string> {
  switch (service) {
    case "ivs":
      return { exceptionMessage: message };
    case "chime":
      return { Code: code.replace(/Exception$/, ""), Message: message };
    case "ses":
      return { message };
    default:
      return service satisfies never;
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function reply(res: ServerResponse, status: number, body?: unknown, errorType?: string): void {
  const headers: Record<string, string> = {};
  if (errorType) headers["x-amzn-ErrorType"] = errorType;
  if (body === undefined || status === 204) {
    res.writeHead(status, headers).end();
    return;
  }
  headers["Content-Type"] = "application/json";
  res.writeHead(status, headers).end(JSON.stringify(body));
}
