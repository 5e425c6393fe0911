import { describe, expect, it } from "vitest";
import type { RegistrationField } from "../../core/contract/index";
import type { RegistrationRow } from "../../server/db/schema";
import { parseCsv } from "../../server/csv";
import { checkRows, mapHeader, planRow, recordToRaw, type ImportContext } from "../../server/registration/import";

const fields: RegistrationField[] = [
  { kind: "choice", key: "ticket", label: "Ticket type", required: true, options: ["standard", "vip"] },
  { kind: "multi-choice", key: "interests", label: "Interests", required: false, options: ["ai", "design"] },
  { kind: "consent", key: "terms", label: "Terms", required: true },
];
const ctx: ImportContext = { fields, sessions: [{ id: "ses_1", title: "Workshop" }], defaultLanguage: "en" };

function rows(csv: string) {
  const parsed = parseCsv(csv);
  if (!parsed.ok) throw new Error(parsed.message);
  const [header, ...records] = parsed.records;
  const mapped = mapHeader(header!.cells, fields);
  if ("error" in mapped) throw new Error(mapped.error);
  return checkRows(
    records.map((r) => recordToRaw(r, mapped.columns)),
    ctx,
  );
}

describe("import header", () => {
  it("maps aliases, field keys, field labels and other columns to attributes", () => {
    const mapped = mapHeader(
      ["E-mail", "Full name", "Ticket type", "interests", "Company Name", "ID", "created_at"],
      fields,
    );
    expect(mapped).toEqual({
      columns: [
        { kind: "email" },
        { kind: "name" },
        { kind: "attribute", key: "ticket", field: fields[0] },
        { kind: "attribute", key: "interests", field: fields[1] },
        { kind: "attribute", key: "company_name", field: undefined },
        { kind: "ignored" },
        { kind: "ignored" },
      ],
    });
  });

  it.each([
    [["name"], "needs an email column"],
    [["email"], "needs a name column"],
    [["email", "name", "ticket", "Ticket type"], "both set ticket"],
    [["email", "name", "123"], "column 3"],
  ])("refuses %j", (header, message) => {
    const mapped = mapHeader(header, fields);
    expect("error" in mapped && mapped.error).toContain(message);
  });
});

describe("import rows", () => {
  it("checks each row and names the problems per line", () => {
    const checked = rows(
      [
        "email,name,ticket,interests,terms,role,language,selections",
        "ada@example.com,Ada,vip,ai;design,yes,moderator,nl,Workshop",
        "bad-address,,gold,cooking,maybe,king,fr,Nowhere",
        "ADA@example.com,Ada again,vip,,yes,,,",
      ].join("\n"),
    );
    expect(checked[0]).toEqual({
      ok: true,
      row: {
        line: 2,
        email: "ada@example.com",
        emailNorm: "ada@example.com",
        name: "Ada",
        language: "nl",
        role: "moderator",
        attributes: { ticket: "vip", interests: ["ai", "design"], terms: "yes" },
        selections: ["ses_1"],
      },
    });
    expect(checked[1]).toMatchObject({
      ok: false,
      line: 3,
      email: "bad-address",
      errors: {
        email: "must be an e-mail address such as name@example.com",
        name: "is required",
        language: "must be one of en, nl",
        role: "must be one of participant, moderator, producer",
        "attributes.ticket": "must be one of standard, vip",
        "attributes.interests": "must be one of ai, design",
        "attributes.terms": "must be one of yes, no",
        selections: 'no session "Nowhere" in this event',
      },
    });
    expect(checked[2]).toMatchObject({ ok: false, line: 4, errors: { email: "is also on line 2" } });
  });

  it("undoes export neutralisation and keeps hostile text as plain data", () => {
    const [row] = rows(`email,name,note\nx@example.com,"'=cmd|' /C calc'!A0",'+1`);
    expect(row).toMatchObject({ ok: true, row: { name: "=cmd|' /C calc'!A0", attributes: { note: "+1" } } });
  });
});

describe("import plan", () => {
  const existing = {
    id: "reg_1",
    email: "ada@example.com",
    name: "Ada",
    language: "en",
    role: "participant",
    attributes: { ticket: "vip", company: "Acme" },
    selections: [],
  } as unknown as RegistrationRow;
  const row = {
    line: 2,
    email: "ada@example.com",
    emailNorm: "ada@example.com",
    name: "Ada",
    language: undefined,
    role: undefined,
    selections: undefined,
  };

  it("creates, updates, or leaves unchanged", () => {
    expect(planRow({ ...row, attributes: {} }, undefined, "nl")).toMatchObject({
      status: "created",
      values: { language: "nl", role: "participant" },
    });
    expect(planRow({ ...row, attributes: { ticket: "vip" } }, existing, "en")).toEqual({
      status: "unchanged",
      id: "reg_1",
    });
    expect(planRow({ ...row, attributes: { ticket: "standard", company: undefined } }, existing, "en")).toEqual({
      status: "updated",
      id: "reg_1",
      values: {
        email: "ada@example.com",
        name: "Ada",
        language: "en",
        role: "participant",
        attributes: { ticket: "standard" },
        selections: [],
      },
    });
  });
});
