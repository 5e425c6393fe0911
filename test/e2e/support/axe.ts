import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import type { AxeResults, Result } from "axe-core";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface A11yViolation {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core (WCAG 2.x A/AA rules, including 2.2) on the page, or on the part of it `selector`
 * names, and returns the violations (serious and critical only, unless `all`). The source is
 * evaluated through the debugging protocol, which the page's CSP does not apply to, so the page
 * under test keeps its real policy.
 */
export async function a11yViolations(
  page: Page,
  options: { selector?: string; all?: boolean } = {},
): Promise<A11yViolation[]> {
  await page.evaluate(axeSource);
  const results = (await page.evaluate(
    (selector) =>
      (window as unknown as { axe: { run: (ctx: unknown, opts: object) => Promise<AxeResults> } }).axe.run(
        selector ?? document,
        {
          runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
          resultTypes: ["violations"],
        },
      ),
    options.selector,
  )) as AxeResults;
  return results.violations
    .filter((v: Result) => options.all || v.impact === "serious" || v.impact === "critical")
    .map((v: Result) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(" ")),
    }));
}

export const seriousA11yViolations = (page: Page) => a11yViolations(page);
