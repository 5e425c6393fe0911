import { gzipSync } from "node:zlib";
import type { Plugin, Rollup } from "vite";

/** The scripts a page loads before anything lazy: its entry module and the chunks it preloads. */
export function initialScriptPaths(html: string): string[] {
  const found = [
    ...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/?([^"]+\.js)"/g),
  ].map((m) => m[1]!);
  return [...new Set(found)];
}

/**
 * Reports each HTML page's initial JavaScript (its entry script and the chunks it preloads,
 * gzipped) and fails the build when a page is over its budget. Lazily imported chunks (the IVS
 * player, the Chime SDK) do not count: they load only when a page needs them.
 */
export function initialJsBudget(budgetsKb: Record<string, number>): Plugin {
  return {
    name: "foyer-initial-js-budget",
    apply: "build",
    enforce: "post",
    // After the HTML plugin has emitted the pages, so their script tags are final.
    writeBundle(_options, bundle: Rollup.OutputBundle) {
      const report: string[] = [];
      const failures: string[] = [];
      for (const [fileName, asset] of Object.entries(bundle)) {
        if (asset.type !== "asset" || !fileName.endsWith(".html")) continue;
        const html = typeof asset.source === "string" ? asset.source : new TextDecoder().decode(asset.source);
        let bytes = 0;
        for (const script of initialScriptPaths(html)) {
          const chunk = bundle[script];
          if (chunk?.type === "chunk") bytes += gzipSync(chunk.code, { level: 9 }).byteLength;
        }
        const kb = bytes / 1024;
        const budget = budgetsKb[fileName];
        report.push(
          `  ${fileName.padEnd(14)} ${kb.toFixed(1).padStart(6)} kB gzip${budget ? ` (budget ${budget} kB)` : ""}`,
        );
        if (budget !== undefined && kb > budget) failures.push(`${fileName}: ${kb.toFixed(1)} kB > ${budget} kB`);
      }
      this.info(`initial JavaScript per page:\n${report.join("\n")}`);
      if (failures.length > 0) this.error(`initial JavaScript over budget — ${failures.join("; ")}`);
    },
  };
}
