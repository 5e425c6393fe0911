/** Values the global setups hand to tests through vitest's provide/inject. */
declare module "vitest" {
  export interface ProvidedContext {
    /** e2e: origin of the app under `wrangler dev`. */
    origin: string;
    /** e2e: the organizer admin token of that app. */
    adminToken: string;
    /** e2e: path of the Chromium binary, or "" when e2e is skipped. */
    chromium: string;
    /** integration-aws: base URL of the fake AWS endpoint the workers' AWS_ENDPOINT_OVERRIDE points at. */
    fakeAwsUrl: string;
  }
}

export {};
