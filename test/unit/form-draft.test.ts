import { describe, expect, it } from "vitest";
import type { RegistrationField } from "../../core/contract/index";
import {
  changed,
  type Draft,
  type DraftAction,
  draftOf,
  fieldIndexOf,
  fieldsOf,
  problemsOf,
  reduce,
  slugOf,
  uniqueKey,
} from "../../client/src/admin/event/form/draft";

const ticket: RegistrationField = {
  kind: "choice",
  key: "ticket",
  label: { en: "Ticket", nl: "Toegangsbewijs" },
  required: true,
  options: ["standard", "vip"],
  optionLabels: { vip: { en: "VIP" } },
};
const organisation: RegistrationField = { kind: "text", key: "organisation", label: "Organisation", required: false };

const run = (draft: Draft, ...actions: DraftAction[]) => actions.reduce(reduce, draft);
const idOf = (draft: Draft, key: string) => draft.fields.find((f) => f.key === key)!.id;

describe("keys made from labels", () => {
  it("are a-z 0-9 _ starting with a letter, from any label", () => {
    expect(slugOf("Dieetwensen & allergieën", "question")).toBe("dieetwensen_allergieen");
    expect(slugOf("  2nd choice ", "question")).toBe("question_2nd_choice");
    expect(slugOf("???", "question")).toBe("question");
    expect(slugOf("x".repeat(60), "question")).toHaveLength(40);
  });

  it("are unique among the others, within the length limit", () => {
    expect(uniqueKey("ticket", ["ticket", "ticket_2"])).toBe("ticket_3");
    expect(uniqueKey("x".repeat(40), ["x".repeat(40)])).toBe(`${"x".repeat(38)}_2`);
  });
});

describe("editing the form", () => {
  const saved = draftOf([ticket, organisation], "en");

  it("adds a question whose key follows its first-language label until it is saved, unique and not reserved", () => {
    let d = run(saved, { type: "add", kind: "choice" });
    const id = d.fields[2]!.id;
    expect(d.fields[2]).toMatchObject({ kind: "choice", key: "question", required: false, saved: false });
    expect(d.fields[2]!.options.map((o) => o.value)).toEqual(["option", "option_2"]);
    d = run(d, { type: "label", id, lang: "nl", text: "Maaltijd" });
    expect(d.fields[2]!.key).toBe("maaltijd");
    d = run(d, { type: "label", id, lang: "en", text: "Ticket" });
    expect(d.fields[2]!.key).toBe("ticket_2");
    d = run(d, { type: "label", id, lang: "en", text: "E-mail" });
    expect(d.fields[2]!.key).toBe("e_mail");
    d = run(d, { type: "label", id, lang: "en", text: "Email" });
    expect(d.fields[2]!.key).toBe("email_2");
  });

  it("never changes the key of a saved question, whatever its label becomes", () => {
    const d = run(saved, { type: "label", id: idOf(saved, "ticket"), lang: "en", text: "Pass type" });
    expect(d.fields[0]!.key).toBe("ticket");
    expect(fieldsOf(d)[0]!.label).toEqual({ en: "Pass type", nl: "Toegangsbewijs" });
  });

  it("does not give a removed question's key to a new one", () => {
    let d = run(saved, { type: "remove", id: idOf(saved, "ticket") }, { type: "add", kind: "text" });
    d = run(d, { type: "label", id: d.fields[1]!.id, lang: "en", text: "Ticket" });
    expect(d.fields.map((f) => f.key)).toEqual(["organisation", "ticket_2"]);
  });

  it("moves questions up and down, and not past either end", () => {
    const id = idOf(saved, "organisation");
    expect(run(saved, { type: "move", id, by: -1 }).fields.map((f) => f.key)).toEqual(
      ["ticket", "organisation"].reverse(),
    );
    expect(run(saved, { type: "move", id, by: 1 }).fields.map((f) => f.key)).toEqual(["ticket", "organisation"]);
  });

  it("adds, labels, reorders and removes options; new option values follow their label, saved ones stay", () => {
    const id = idOf(saved, "ticket");
    let d = run(saved, { type: "addOption", id });
    const added = d.fields[0]!.options[2]!;
    d = run(d, { type: "optionLabel", id, optionId: added.id, lang: "en", text: "Student" });
    d = run(d, { type: "moveOption", id, optionId: added.id, by: -1 });
    const vip = d.fields[0]!.options.find((o) => o.value === "vip")!;
    d = run(d, { type: "optionLabel", id, optionId: vip.id, lang: "nl", text: "Gast" });
    expect(fieldsOf(d)[0]).toMatchObject({
      options: ["standard", "student", "vip"],
      optionLabels: { standard: { en: "standard" }, student: { en: "Student" }, vip: { en: "VIP", nl: "Gast" } },
    });
    d = run(d, { type: "removeOption", id, optionId: d.fields[0]!.options[0]!.id });
    expect(fieldsOf(d)[0]).toMatchObject({ options: ["student", "vip"] });
  });

  it("toggles required and sets a text's longest answer", () => {
    const id = idOf(saved, "organisation");
    const d = run(saved, { type: "required", id, required: true }, { type: "maxLength", id, maxLength: 80 });
    expect(fieldsOf(d)[1]).toEqual({
      kind: "text",
      key: "organisation",
      label: { en: "Organisation" },
      required: true,
      maxLength: 80,
    });
    expect(fieldsOf(run(d, { type: "maxLength", id, maxLength: undefined }))[1]).not.toHaveProperty("maxLength");
  });

  it("knows when it differs from what is saved", () => {
    expect(changed(saved, [ticket, organisation])).toBe(false);
    const edited = run(saved, { type: "label", id: idOf(saved, "ticket"), lang: "nl", text: "Kaartje" });
    expect(changed(edited, [ticket, organisation])).toBe(true);
    const back = run(edited, { type: "label", id: idOf(saved, "ticket"), lang: "nl", text: "Toegangsbewijs" });
    expect(changed(back, [ticket, organisation])).toBe(false);
  });
});

describe("checking the form before saving", () => {
  it("names each problem by the API's path, at its question", () => {
    let d = run(draftOf([ticket], "en"), { type: "add", kind: "multi-choice" }, { type: "add", kind: "text" });
    const multi = d.fields[1]!;
    d = run(
      d,
      { type: "label", id: multi.id, lang: "en", text: "Interests" },
      { type: "optionLabel", id: multi.id, optionId: multi.options[0]!.id, lang: "en", text: "AI" },
      { type: "maxLength", id: d.fields[2]!.id, maxLength: 0 },
    );
    expect(problemsOf(d)).toEqual({
      "fields.1.options.1": "optionLabelMissing",
      "fields.2.label": "labelMissing",
      "fields.2.maxLength": "maxLength",
    });
    d = run(d, { type: "removeOption", id: multi.id, optionId: multi.options[0]!.id });
    d = run(d, { type: "removeOption", id: multi.id, optionId: multi.options[1]!.id });
    expect(problemsOf(d)["fields.1.options"]).toBe("optionsMissing");
    expect(fieldIndexOf("fields.12.optionLabels.vip.nl")).toBe(12);
    expect(fieldIndexOf("fields")).toBeUndefined();
  });
});
