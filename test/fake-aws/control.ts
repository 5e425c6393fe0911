/** Shapes of the fake AWS endpoint's control API, shared by the server (Node) and tests (workerd). */
import type { FakeService } from "./types.ts";

export interface LoggedRequest {
  service: string;
  operation: string;
  /** The region the request was signed for. */
  region: string;
  method: string;
  path: string;
  body: unknown;
  status: number;
  /** The error code when the fake refused or failed the call. */
  error?: string;
  at: string;
}

export interface Fault {
  service: FakeService;
  operation: string;
  status: number;
  code: string;
  message?: string;
  /** How many calls fail before the operation works again (default 1). */
  times?: number;
  /** Delay before answering, to simulate slow upstreams. */
  delayMs?: number;
}
