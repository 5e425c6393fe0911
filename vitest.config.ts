import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { resolve } from "node:path";
import { defineConfig } from "vitest/config";
import { FAKE_AWS } from "./test/fake-aws/credentials.ts";
import { freePort } from "./scripts/lib/free-port.ts";

const root = import.meta.dirname;

/** Settings the integration tests run with (the same names as .dev.vars.example). */
export const testSettings = {
  PUBLIC_URL: "http://foyer.test",
  ADMIN_TOKEN: "test-admin-token-0123456789abcdef0123",
  LINK_SIGNING_KEYS: "t2:test-signing-key-two-0123456789abcdef,t1:test-signing-key-one-0123456789abcdef",
  MEDIA_PROVIDER: "local",
  EMAIL_PROVIDER: "outbox",
  ALLOWED_ORIGINS: "",
  // Small enough that the tests can fill a call with the demo's five people.
  CALL_MESH_MAX_PEERS: "3",
  // Most tests start from the demo event (`POST /api/admin/demo`).
  DEMO: "true",
};

/** The AWS code path: cloud providers, every call sent to the local fake AWS endpoint. */
export const awsTestSettings = {
  ...testSettings,
  MEDIA_PROVIDER: "aws",
  EMAIL_PROVIDER: "ses",
  AWS_REGION: FAKE_AWS.region,
  AWS_ACCESS_KEY_ID: FAKE_AWS.accessKeyId,
  AWS_SECRET_ACCESS_KEY: FAKE_AWS.secretAccessKey,
  SES_FROM: "Foyer <events@foyer.test>",
  SES_CONFIGURATION_SET: "foyer-test",
};

export default defineConfig(async () => {
  // Chosen once here so the workers' settings and the fake's global setup agree on it.
  process.env.FOYER_FAKE_AWS_PORT ??= String(await freePort());
  const migrations = await readD1Migrations(resolve(root, "migrations"));
  return {
    test: {
      projects: [
        {
          test: {
            name: "unit",
            include: ["test/unit/**/*.test.ts"],
            environment: "node",
          },
        },
        {
          plugins: [
            cloudflareTest({
              wrangler: { configPath: resolve(root, "wrangler.toml") },
              miniflare: {
                bindings: {
                  ...testSettings,
                  TEST_MIGRATIONS: migrations,
                },
              },
            }),
          ],
          test: {
            name: "integration",
            include: ["test/integration/**/*.test.ts"],
            // A ceiling, not a speed target: a test that registers a dozen people in workerd can
            // pass 5 s on a shared 2-core machine.
            testTimeout: 20_000,
            setupFiles: ["test/integration/setup.ts"],
          },
        },
        {
          plugins: [
            cloudflareTest({
              wrangler: { configPath: resolve(root, "wrangler.toml") },
              miniflare: {
                bindings: {
                  ...awsTestSettings,
                  AWS_ENDPOINT_OVERRIDE: `http://127.0.0.1:${process.env.FOYER_FAKE_AWS_PORT}`,
                  TEST_MIGRATIONS: migrations,
                },
              },
            }),
          ],
          test: {
            name: "integration-aws",
            include: ["test/integration-aws/**/*.test.ts"],
            setupFiles: ["test/integration/setup.ts"],
            globalSetup: ["test/integration-aws/fake-aws-setup.ts"],
            // Files share the one fake AWS endpoint (its log, state and injected faults), so one
            // file's reset must not land in the middle of another's test.
            fileParallelism: false,
          },
        },
        {
          test: {
            name: "e2e",
            include: ["test/e2e/**/*.test.ts"],
            environment: "node",
            globalSetup: ["test/e2e/support/global-setup.ts"],
            testTimeout: 60_000,
            expect: { poll: { timeout: 10_000, interval: 100 } },
            hookTimeout: 120_000,
            // One shared wrangler dev and browser; files run one after another.
            fileParallelism: false,
          },
        },
      ],
    },
  };
});
