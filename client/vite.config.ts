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
  // amazon-chime-sdk-js (via protobufjs) reads Node's `global`; in the browser that is globalThis.
  define: { global: "globalThis" },
  build: {
    outDir: resolve(import.meta.dirname, "../dist/client"),
    emptyOutDir: true,
    target: "es2022",
    // The IVS player and the Chime SDK are big lazy chunks by nature; the first-paint budget is
    // checked by the bundle test instead.
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: {
        index: resolve(import.meta.dirname, "index.html"),
        // The organizer pages: a bundle of their own, so participants never load them.
        admin: resolve(import.meta.dirname, "admin.html"),
        // Producer output pages: their own entry, so the participant bundle carries none of it.
        output: resolve(import.meta.dirname, "output.html"),
      },
    },
  },
});
