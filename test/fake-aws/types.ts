import * as v from "valibot";

/** One API operation as the fake understood it. */
export interface Operation {
  service: FakeService;
  /** AWS operation name, e.g. "CreateMeeting". */
  name: string;
  /** Path parameters, e.g. { meetingId }. */
  params: Record<string, string>;
  body: unknown;
}

export const FakeServices = ["ses", "ivs", "chime"] as const;
export type FakeService = (typeof FakeServices)[number];

export interface FakeResponse {
  status: number;
  body?: unknown;
}

/** AWS-style error: status, `x-amzn-ErrorType` and a JSON message. */
export class AwsFault {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  constructor(status: number, code: string, message: string) {
    this.status = status;
    this.code = code;
    this.message = message;
  }
}

/** Validates a request body against the operation's shape; unknown or misspelt fields are refused. */
export function shape<S extends v.GenericSchema>(schema: S, body: unknown, operation: string): v.InferOutput<S> {
  const parsed = v.safeParse(schema, body);
  if (parsed.success) return parsed.output;
  const issue = parsed.issues[0];
  const path = v.getDotPath(issue) ?? "(body)";
  throw new AwsFault(400, "ValidationException", `${operation}: ${path}: ${issue.message}`);
}

export interface Route {
  method: string;
  /** Path with :params, e.g. "/meetings/:meetingId/attendees". */
  path: string;
  /**
   * The `?operation=` value that selects this operation, as in the official REST models (e.g.
   * BatchCreateAttendee is POST /meetings/{id}/attendees?operation=batch-create). A route without
   * one never answers a request that names an operation.
   */
  queryOperation?: string;
  operation: string;
  handle(op: Operation): FakeResponse;
}

export function matchRoute(
  routes: readonly Route[],
  method: string,
  path: string,
  search = "",
): { route: Route; params: Record<string, string> } | undefined {
  const queryOperation = new URLSearchParams(search).get("operation") ?? undefined;
  for (const route of routes) {
    if (route.method !== method || route.queryOperation !== queryOperation) continue;
    const want = route.path.split("/");
    const got = path.split("/");
    if (want.length !== got.length) continue;
    if (!want.every((seg, i) => seg.startsWith(":") || seg === got[i])) continue;
    const params = Object.fromEntries(
      want.flatMap((seg, i) => (seg.startsWith(":") ? [[seg.slice(1), decodeURIComponent(got[i]!)]] : [])),
    );
    return { route, params };
  }
  return undefined;
}

export const randomId = (length = 12) =>
  Array.from(
    crypto.getRandomValues(new Uint8Array(length)),
    (b) => "abcdefghijklmnopqrstuvwxyz0123456789"[b % 36],
  ).join("");
