import { parse } from "@babel/parser";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Every word a person reads comes from a message catalogue: no JSX text and no user-facing
 * attribute (aria-label, placeholder, title, alt) written as a literal in a component.
 */
const root = resolve(import.meta.dirname, "../../client/src");
const USER_FACING_ATTRIBUTES = new Set(["aria-label", "placeholder", "title", "alt", "aria-description", "label"]);

function componentFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? componentFiles(path) : path.endsWith(".tsx") ? [path] : [];
  });
}

interface Node {
  type: string;
  [key: string]: unknown;
}

function literals(source: string): string[] {
  const ast = parse(source, { sourceType: "module", plugins: ["jsx", "typescript"] });
  const found: string[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== "object") return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as Node;
    if (n.type === "JSXText" && /\p{L}/u.test(String(n.value))) found.push(String(n.value).trim());
    if (n.type === "JSXAttribute") {
      const name = (n.name as Node).name as string;
      const value = n.value as Node | null;
      if (USER_FACING_ATTRIBUTES.has(name) && value?.type === "StringLiteral" && /\p{L}/u.test(String(value.value))) {
        found.push(`${name}="${String(value.value)}"`);
      }
    }
    for (const [key, child] of Object.entries(n)) if (key !== "loc" && key !== "start" && key !== "end") visit(child);
  };
  visit(ast.program);
  return found;
}

describe("no hard-coded strings in components", () => {
  const files = componentFiles(root);
  it("finds the components", () => {
    expect(files.length).toBeGreaterThan(20);
  });
  it.each(files.map((f) => relative(root, f)))("%s", (file) => {
    expect(literals(readFileSync(join(root, file), "utf8"))).toEqual([]);
  });
});
