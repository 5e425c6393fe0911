import { describe, expect, it } from "vitest";
import { csvCell, parseCsv, toCsv, unneutralise } from "../../server/csv";

const cells = (text: string) => {
  const r = parseCsv(text);
  if (!r.ok) throw new Error(`line ${r.line}: ${r.message}`);
  return r.records.map((rec) => rec.cells);
};

describe("CSV parsing", () => {
  it("reads plain, quoted and empty cells", () => {
    expect(cells('a,b,c\n1,"two, too",\n')).toEqual([
      ["a", "b", "c"],
      ["1", "two, too", ""],
    ]);
  });

  it("strips a byte order mark and accepts CRLF, LF and CR line ends", () => {
    expect(cells("\uFEFFemail,name\r\na@x.nl,A\rb@x.nl,B\nc@x.nl,C")).toEqual([
      ["email", "name"],
      ["a@x.nl", "A"],
      ["b@x.nl", "B"],
      ["c@x.nl", "C"],
    ]);
  });

  it("keeps doubled quotes and line breaks inside quoted cells, and counts lines for the report", () => {
    const r = parseCsv('name,note\n"Ada ""the first""","line one\r\nline two"\nBram,ok\n');
    expect(r).toEqual({
      ok: true,
      records: [
        { line: 1, cells: ["name", "note"] },
        { line: 2, cells: ['Ada "the first"', "line one\r\nline two"] },
        { line: 4, cells: ["Bram", "ok"] },
      ],
    });
  });

  it("skips blank lines", () => {
    expect(cells("a\n\n\nb\n")).toEqual([["a"], ["b"]]);
  });

  it.each([
    ['a,"never closed\nb,c', 1, "never closed"],
    ['a,b"c', 1, "quote appears inside an unquoted cell"],
    ['a,"b"c', 1, "text follows a closing quote"],
  ])("refuses malformed input %j with its line", (text, line, message) => {
    const r = parseCsv(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.line).toBe(line);
      expect(r.message).toContain(message);
    }
  });

  it("bounds cells, columns and rows", () => {
    expect(parseCsv(`a,${"x".repeat(30)}`, { maxRecords: 10, maxCells: 10, maxCellLength: 20 })).toMatchObject({
      ok: false,
      message: expect.stringContaining("longer than 20"),
    });
    expect(parseCsv(`"${"x".repeat(30)}"`, { maxRecords: 10, maxCells: 10, maxCellLength: 20 })).toMatchObject({
      ok: false,
    });
    expect(parseCsv("a,b,c,d", { maxRecords: 10, maxCells: 3, maxCellLength: 20 })).toMatchObject({
      ok: false,
      message: expect.stringContaining("more than 3 cells"),
    });
    expect(parseCsv("a\nb\nc\nd", { maxRecords: 3, maxCells: 3, maxCellLength: 20 })).toMatchObject({
      ok: false,
      message: expect.stringContaining("more than 3 lines"),
    });
  });
});

describe("CSV export", () => {
  it.each([
    ['=HYPERLINK("http://evil","x")', `"'=HYPERLINK(""http://evil"",""x"")"`],
    ["+1+2", "'+1+2"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["\rcmd", `"'\rcmd"`],
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    [" padded ", '" padded "'],
  ])("writes %j as %j", (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it("round-trips through the parser, neutralised cells included", () => {
    const rows = [
      ["email", "note"],
      ["a@example.com", "=1+1"],
      ["b@example.com", 'multi\nline, "quoted"'],
    ];
    const text = toCsv(rows);
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text).toContain("\r\n");
    const back = cells(text).map((r) => r.map(unneutralise));
    expect(back).toEqual(rows);
  });

  it("round-trips text that starts with apostrophes before a formula character, and Dutch 't names", () => {
    const values = ["'=x", "''+1", "'t Hart", "'", "''", "=x", "-", "'-5", "plain"];
    for (const value of values) {
      const [[back]] = cells(toCsv([[value]])).map((r) => r.map(unneutralise)) as [[string]];
      expect(back, value).toBe(value);
    }
    // And what the export writes still never starts with a formula character.
    expect(csvCell("'=x")).toBe("''=x");
  });

  it("only undoes its own apostrophe", () => {
    expect(unneutralise("'=x")).toBe("=x");
    expect(unneutralise("'quoted'")).toBe("'quoted'");
  });
});
