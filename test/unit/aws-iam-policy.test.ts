import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");

/** The actions of the IAM policy README.md tells an operator to attach ("Connecting a real AWS account"). */
function readmePolicyActions(): Set<string> {
  const readme = readFileSync(resolve(root, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("### Connecting a real AWS account"));
  const json = /```json\n([\s\S]*?)```/.exec(section)?.[1];
  if (!json) throw new Error("README has no IAM policy under 'Connecting a real AWS account'");
  const policy = JSON.parse(json) as { Statement: { Effect: string; Action: string[] }[] };
  return new Set(policy.Statement.filter((s) => s.Effect === "Allow").flatMap((s) => s.Action));
}

/** Every `api.call("<service>", { operation: "<Name>" … })` in the AWS providers, as IAM actions. */
function calledActions(): string[] {
  const dir = resolve(root, "server/providers/aws");
  const out = new Set<string>();
  for (const file of readdirSync(dir)) {
    const source = readFileSync(resolve(dir, file), "utf8");
    for (const m of source.matchAll(/\.call(?:<[^(]*>)?\("(ivs|chime|ses)", \{\s*operation: "([A-Za-z]+)"/g)) {
      // IAM prefixes match our service names; SES v2 SendEmail is authorized as ses:SendEmail.
      out.add(`${m[1]}:${m[2]}`);
    }
  }
  return [...out].sort();
}

describe("README's IAM policy", () => {
  it("allows every AWS operation Foyer calls (else AWS answers AccessDenied)", () => {
    const called = calledActions();
    expect(called).toContain("ses:SendEmail");
    expect(called.length).toBeGreaterThan(10);
    const allowed = readmePolicyActions();
    expect(called.filter((action) => !allowed.has(action))).toEqual([]);
  });
});
