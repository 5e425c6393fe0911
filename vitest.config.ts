import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { resolve } from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

/** Settings the integration tests run with (the same names as .dev.vars.example). */
export const testSettings = {
  PUBLIC_URL: "http://foyer.test",
  ADMIN_TOKEN: "test-admin-token-0123456789abcdef0123",
  LINK_SIGNING_KEYS: "t2:test-signing-key-two-0123456789abcdef,t1:test-signing-key-one-0123456789abcdef",
  MEDIA_PROVIDER: "local",
  EMAIL_PROVIDER: "outbox",
  ALLOWED_ORIGINS: "",
};

export default defineConfig(async () => ({
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
                TEST_MIGRATIONS: await readD1Migrations(resolve(root, "migrations")),
              },
            },
          }),
        ],
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          setupFiles: ["test/integration/setup.ts"],
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
}));
