import { existsSync, readFileSync } from "node:fs";
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
