import { describe, expect, it } from "vitest";
import { parseImportFile } from "../../client/src/admin/event/imports/parse";
import type { RegistrationField } from "../../core/contract/index";
import { columnsProblem, suggestColumn } from "../../core/rules/import-columns";
import { parseCsv, toCsv } from "../../server/csv";
import { CONSENT_VALUES } from "../../server/registration/answers";
import { checkRows, planRow, recordToRaw, columnsOf } from "../../server/registration/import";

const fields: RegistrationField[] = [
  {
    kind: "choice",
    key: "ticket",
    label: { en: "Ticket", nl: "Kaartje" },
    required: true,
    options: ["standard", "vip"],
  },
  { kind: "consent", key: "terms", label: "I accept the terms", required: true },
];

describe("the console's import file", () => {
  it("reads what the export writes exactly as the server's parser does, numbering rows as a spreadsheet", async () => {
    const text = toCsv([
      ["name", "email", "note"],
      ["Ada", "ada@example.com", "=SUM(A1)"],
      ["Quote", "q@example.com", 'says "hi", twice\r\nand a new line'],
      ["", "", ""],
      ["Last", "last@example.com", " padded "],
    ]);
    const parsed = await parseImportFile(text);
    if (!parsed.ok) throw new Error(parsed.problem);
    const server = parseCsv(text);
    if (!server.ok) throw new Error(server.message);
    expect(parsed.file.header).toEqual(server.records[0]!.cells);
    expect(parsed.file.rows.map((r) => r.cells)).toEqual(
      server.records
        .slice(1)
        .filter((r) => r.cells.some((c) => c !== ""))
        .map((r) => r.cells),
    );
    // The blank row counts: "Last" is row 5 in a spreadsheet.
    expect(parsed.file.rows.map((r) => r.row)).toEqual([2, 3, 5]);
  });

  it("reads a sheet saved with semicolons, as spreadsheets set to Dutch do", async () => {
    const parsed = await parseImportFile("naam;email\r\nAda;ada@example.com\r\n");
    expect(parsed).toEqual({
      ok: true,
      file: { header: ["naam", "email"], rows: [{ row: 2, cells: ["Ada", "ada@example.com"] }] },
    });
  });

  it("names what is wrong with a file it cannot use", async () => {
    expect(await parseImportFile("")).toMatchObject({ ok: false, problem: "empty" });
    expect(await parseImportFile("name,email\r\n")).toMatchObject({ ok: false, problem: "noPeople" });
    expect(await parseImportFile('name,email\r\n"Ada,ada@example.com\r\n')).toMatchObject({
      ok: false,
      problem: "malformed",
    });
  });
});

describe("column mapping", () => {
  it("suggests form fields by key or label in any language, the usual names, and ignores export bookkeeping", () => {
    expect(suggestColumn("E-mail", fields)).toEqual({ kind: "email" });
    expect(suggestColumn("Full name", fields)).toEqual({ kind: "name" });
    expect(suggestColumn("Kaartje", fields)).toEqual({ kind: "attribute", key: "ticket" });
    expect(suggestColumn("terms", fields)).toEqual({ kind: "attribute", key: "terms" });
    expect(suggestColumn("link_status", fields)).toEqual({ kind: "ignored" });
    expect(suggestColumn("Desk number", fields)).toEqual({ kind: "attribute", key: "desk_number" });
    expect(suggestColumn("123", fields)).toBeUndefined();
  });

  it("refuses a mapping without e-mail or name, or with a column twice", () => {
    expect(columnsProblem([{ kind: "name" }])).toContain("email");
    expect(columnsProblem([{ kind: "email" }, { kind: "ignored" }])).toContain("name");
    expect(columnsProblem([{ kind: "email" }, { kind: "name" }, { kind: "email" }])).toBe(
      "columns 1 and 3 both set email",
    );
    expect(
      columnsProblem([{ kind: "email" }, { kind: "name" }, { kind: "ignored" }, { kind: "ignored" }]),
    ).toBeUndefined();
  });
});

describe("rows against what is registered", () => {
  const columns = columnsOf(
    [{ kind: "name" }, { kind: "email" }, { kind: "attribute", key: "ticket" }, { kind: "attribute", key: "terms" }],
    fields,
  );
  const ctx = { fields, sessions: [], defaultLanguage: "en" as const };
  const row = (line: number, cells: string[]) => recordToRaw({ line, cells }, columns);

  it("finds each row new, changed or unchanged", () => {
    const [a, b] = checkRows(
      [row(2, ["Ada", "ada@example.com", "vip", "yes"]), row(3, ["Bo", "bo@example.com", "standard", "ja"])],
      ctx,
    );
    if (!a?.ok || !b?.ok) throw new Error("rows should be valid");
    expect(planRow(a.row, undefined, "en").status).toBe("created");
    const stored = {
      id: "reg_1",
      eventId: "evt",
      email: "ada@example.com",
      emailNorm: "ada@example.com",
      name: "Ada",
      language: "en" as const,
      role: "participant" as const,
      attributes: { ticket: "vip", terms: CONSENT_VALUES.given },
      selections: [],
      linkVersion: 1,
      linkRevokedAt: null,
      linkOpenedAt: null,
      createdAt: 0,
      updatedAt: 0,
    };
    expect(planRow(a.row, stored, "en")).toEqual({ status: "unchanged", id: "reg_1" });
    expect(planRow(a.row, { ...stored, name: "Ada L." }, "en").status).toBe("updated");
  });
});
