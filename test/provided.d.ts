/** Values the global setups hand to tests through vitest's provide/inject. */
declare module "vitest" {
  export interface ProvidedContext {
    /** e2e: origin of the app under `wrangler dev`. */
    origin: string;
    /** e2e: that app's ADMIN_TOKEN, used only to bootstrap (fresh organizer sign-in links). */
    adminToken: string;
    /** e2e: an all-scopes API token of the demo owner's workspace, for organizer API calls. */
    apiToken: string;
    /** e2e: path of the Chromium binary, or "" when e2e is skipped. */
    chromium: string;
    /** integration-aws: base URL of the fake AWS endpoint the workers' AWS_ENDPOINT_OVERRIDE points at. */
    fakeAwsUrl: string;
  }
}

export {};
