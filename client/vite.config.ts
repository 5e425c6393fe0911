import { resolve } from "node:path";
import { defineConfig } from "vite";
import solid from "vite-plugin-solid";
import { initialJsBudget } from "./build/budget.ts";

// The client builds into dist/client, which wrangler serves as static assets.
export default defineConfig({
  root: resolve(import.meta.dirname),
  // The participant portal must stay light on phones: ≤ 60 kB gzip of JavaScript before any
  // lazily loaded media SDK.
  plugins: [solid(), initialJsBudget({ "index.html": 60 })],
  build: {
    outDir: resolve(import.meta.dirname, "../dist/client"),
    emptyOutDir: true,
    target: "es2022",
    rollupOptions: {
      input: {
        index: resolve(import.meta.dirname, "index.html"),
      },
    },
  },
});
