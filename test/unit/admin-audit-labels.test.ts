import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { auditActionLabel } from "../../client/src/admin/audit-labels";
import { adminCatalogues } from "../../client/src/admin/i18n";
import { setLanguage } from "../../client/src/i18n";

/** Every action the server writes to the audit log, read from its `AuditAction` union. */
const serverActions = [
  ...(
    /export type AuditAction =([^;]+);/.exec(
      readFileSync(resolve(import.meta.dirname, "../../server/audit.ts"), "utf8"),
    )?.[1] ?? ""
  ).matchAll(/"([a-z_.]+)"/g),
].map((m) => m[1]!);

describe("the audit log's action labels", () => {
  beforeAll(() => {
    (globalThis as { document?: unknown }).document ??= { documentElement: {} };
  });
  afterEach(() => setLanguage("en", false));

  it("finds the server's actions", () => {
    expect(serverActions).toContain("member.invite");
    expect(serverActions.length).toBeGreaterThan(10);
  });

  it.each(serverActions)("%s has words in English and Dutch, not its code", (action) => {
    const key = `admin.auditAction.${action}` as keyof typeof adminCatalogues.en;
    expect(adminCatalogues.en[key]).toBeTruthy();
    expect(adminCatalogues.nl[key]).toBeTruthy();
    expect(auditActionLabel(action)).not.toBe(action);
  });

  it("reads in the console's language, and an unknown action as its code", () => {
    setLanguage("nl", false);
    expect(auditActionLabel("member.invite")).toBe("Lid uitgenodigd");
    expect(auditActionLabel("something.new")).toBe("something.new");
  });
});
