import { AwsClient, AwsV4Signer } from "aws4fetch";
import type { AwsConfig } from "../../config";
import { awsErrorFrom, AwsError } from "./errors";
import { DEFAULT_RETRY, withRetry, type RetryPolicy } from "./retry";

/**
 * Signed JSON calls to the AWS services Foyer uses. The signing name and host differ per service
 * (Chime SDK Meetings signs as `chime` but lives at `meetings-chime.<region>`), so both are
 * spelled out here rather than guessed from the URL — with an endpoint override there is nothing
 * to guess from.
 */
export const AwsServices = {
  ivs: { signingName: "ivs", host: (region: string) => `ivs.${region}.amazonaws.com` },
  chime: { signingName: "chime", host: (region: string) => `meetings-chime.${region}.amazonaws.com` },
  ses: { signingName: "ses", host: (region: string) => `email.${region}.amazonaws.com` },
} as const;
export type AwsService = keyof typeof AwsServices;

export interface AwsCall {
  operation: string;
  method: "GET" | "POST" | "PUT" | "DELETE";
  path: string;
  body?: unknown;
  /** Safe to repeat (read, delete, or create with an idempotency token): retried on throttling and 5xx. */
  idempotent?: boolean;
}

export interface AwsApiOptions {
  /** Fixed signing time (YYYYMMDDTHHMMSSZ), for signature test vectors. */
  datetime?: string;
  retry?: RetryPolicy;
}

/**
 * SigV4-signs one request exactly as AwsApi does (explicit signing name and region, every
 * header we set signed). Exposed so the AWS test-suite vectors can check our setup.
 */
export async function signRequest(input: {
  url: string;
  method: string;
  headers?: Record<string, string>;
  body?: string;
  signingName: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  datetime?: string;
}): Promise<Headers> {
  const signer = new AwsV4Signer({
    url: input.url,
    method: input.method,
    headers: input.headers ?? {},
    body: input.body ?? null,
    service: input.signingName,
    region: input.region,
    accessKeyId: input.accessKeyId,
    secretAccessKey: input.secretAccessKey,
    ...(input.sessionToken ? { sessionToken: input.sessionToken } : {}),
    allHeaders: true,
    ...(input.datetime ? { datetime: input.datetime } : {}),
  });
  return (await signer.sign()).headers;
}

export const isAwsError = (err: unknown): err is AwsError => err instanceof AwsError;

export class AwsApi {
  private readonly client: AwsClient;

  constructor(
    private readonly config: AwsConfig,
    private readonly options: AwsApiOptions = {},
  ) {
    // aws4fetch's own retries are off: we retry only what is safe to repeat (see withRetry).
    this.client = new AwsClient({
      accessKeyId: config.accessKeyId,
      secretAccessKey: config.secretAccessKey,
      // aws4fetch adds it as X-Amz-Security-Token, inside the signature.
      ...(config.sessionToken ? { sessionToken: config.sessionToken } : {}),
      region: config.region,
      retries: 0,
    });
  }

  /** Chime SDK Meetings is controlled from its own region (CHIME_REGION); the rest from AWS_REGION. */
  region(service: AwsService): string {
    return service === "chime" ? this.config.chimeRegion : this.config.region;
  }

  endpoint(service: AwsService): string {
    return (
      this.config.endpointOverride?.replace(/\/$/, "") ?? `https://${AwsServices[service].host(this.region(service))}`
    );
  }

  /** Signs a request without sending it (used by the signature test vectors). */
  sign(service: AwsService, call: Omit<AwsCall, "operation">): Promise<Request> {
    return this.client.sign(`${this.endpoint(service)}${call.path}`, this.init(service, call));
  }

  /** Sends a signed call; returns the parsed JSON body (undefined for empty bodies) or throws AwsError. */
  async call<T>(service: AwsService, call: AwsCall): Promise<T> {
    const once = async (): Promise<T> => {
      let res: Response;
      try {
        res = await this.client.fetch(`${this.endpoint(service)}${call.path}`, this.init(service, call));
      } catch (err) {
        throw new AwsError(
          service,
          call.operation,
          503,
          "NetworkError",
          err instanceof Error ? err.message : String(err),
        );
      }
      if (!res.ok) throw await awsErrorFrom(service, call.operation, res);
      const text = await res.text();
      return (text ? JSON.parse(text) : undefined) as T;
    };
    return call.idempotent ? withRetry(once, isAwsError, this.options.retry ?? DEFAULT_RETRY) : once();
  }

  private init(service: AwsService, call: Omit<AwsCall, "operation">) {
    const headers: Record<string, string> = call.body === undefined ? {} : { "Content-Type": "application/json" };
    return {
      method: call.method,
      headers,
      ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
      aws: {
        service: AwsServices[service].signingName,
        region: this.region(service),
        // Sign Content-Type too, as the AWS SDKs (and the test suite) do.
        allHeaders: true,
        ...(this.options.datetime ? { datetime: this.options.datetime } : {}),
      },
    };
  }
}
