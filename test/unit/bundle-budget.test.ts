import { existsSync, readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { initialScriptPaths } from "../../client/build/budget";

/**
 * The build itself fails past the 60 kB gzip budget (client/build/budget.ts); this checks what the
 * budget cannot see: the IVS player and the Chime SDK stay out of the participant page's first
 * paint, in lazy chunks. Runs on the build `npm test` makes first.
 */
const dist = resolve(import.meta.dirname, "../../dist/client");
const built = existsSync(resolve(dist, "index.html"));

describe.skipIf(!built && process.env.CI !== "true")("participant page bundle", () => {
  it("loads no media SDK before it is needed", () => {
    const initial = initialScriptPaths(readFileSync(resolve(dist, "index.html"), "utf8"));
    expect(initial.length).toBeGreaterThan(0);
    for (const file of initial) {
      expect(readFileSync(resolve(dist, file), "utf8")).not.toMatch(
        /Amazon IVS Player|amazon-chime-sdk|DefaultMeetingSession/,
      );
    }
  });
});

describe.skipIf(!built && process.env.CI !== "true")("report charts", () => {
  // uPlot's own class names: present in its code, in nothing of ours.
  const UPLOT = /u-legend|u-cursor-pt/;
  it("stay out of the participant page and the console's first load", () => {
    for (const page of ["index.html", "admin.html"]) {
      for (const file of initialScriptPaths(readFileSync(resolve(dist, page), "utf8"))) {
        expect(readFileSync(resolve(dist, file), "utf8"), `${page}: ${file}`).not.toMatch(UPLOT);
      }
    }
  });

  it("load only when the reports tab draws a chart, not with the tab itself", () => {
    const assets = readdirSync(resolve(dist, "assets"));
    const tab = assets.find((f) => /^ReportsTab-.*\.js$/.test(f));
    expect(tab).toBeDefined();
    expect(readFileSync(resolve(dist, "assets", tab!), "utf8")).not.toMatch(UPLOT);
    expect(assets.some((f) => f.endsWith(".js") && UPLOT.test(readFileSync(resolve(dist, "assets", f), "utf8")))).toBe(
      true,
    );
  });
});
