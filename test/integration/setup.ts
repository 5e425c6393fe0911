import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";

// Real D1 with our real migrations, applied once per test file's isolated storage.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
