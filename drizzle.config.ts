import { defineConfig } from "drizzle-kit";

// `npm run db:generate` writes a new SQL migration into migrations/ from server/db/schema.ts;
// wrangler applies them (`wrangler d1 migrations apply DB --local|--remote`).
export default defineConfig({
  dialect: "sqlite",
  schema: "./server/db/schema.ts",
  out: "./migrations",
});
