import { resolve } from "node:path";
import { defineConfig } from "vite";
import solid from "vite-plugin-solid";

// The client builds into dist/client, which wrangler serves as static assets.
export default defineConfig({
  root: resolve(import.meta.dirname),
  plugins: [solid()],
  build: {
    outDir: resolve(import.meta.dirname, "../dist/client"),
    emptyOutDir: true,
    target: "es2022",
    rollupOptions: {
      input: {
        index: resolve(import.meta.dirname, "index.html"),
        // Producer output pages: their own entry, so the participant bundle carries none of it.
        output: resolve(import.meta.dirname, "output.html"),
      },
    },
  },
});
