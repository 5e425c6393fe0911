import { describe, expect, it } from "vitest";
import type { RegistrationField } from "../../core/contract/index";
import { fieldIn, ruleConflicts, sessionsUsing } from "../../core/rules/form";

const ticket: RegistrationField = {
  kind: "choice",
  key: "ticket",
  label: { en: "Ticket", nl: "Toegang" },
  required: true,
  options: ["standard", "vip"],
  optionLabels: { vip: { en: "VIP", nl: "VIP" } },
};
const consent: RegistrationField = { kind: "consent", key: "photos", label: "Photos", required: false };
const vipOnly = {
  id: "ses_vip",
  title: "VIP lounge",
  audience: { kind: "attributes" as const, conditions: [{ attribute: "ticket", op: "in" as const, values: ["VIP "] }] },
};
const photographed = {
  id: "ses_photo",
  title: { en: "Photo booth", nl: "Fotohoek" },
  audience: { kind: "attributes" as const, conditions: [{ attribute: "photos", op: "eq" as const, values: ["yes"] }] },
};
const tagged = {
  id: "ses_tag",
  title: "Tagged",
  audience: { kind: "attributes" as const, conditions: [{ attribute: "team", op: "eq" as const, values: ["red"] }] },
};
const sessions = [
  vipOnly,
  photographed,
  tagged,
  { id: "ses_all", title: "All", audience: { kind: "everyone" as const } },
];

describe("form changes against audience rules", () => {
  it("lets through what no rule depends on: new questions, labels, order, unused options", () => {
    const relabelled = { ...ticket, label: "Pass", options: ["vip", "student"] };
    const added: RegistrationField = { kind: "text", key: "team", label: "Team", required: false };
    expect(ruleConflicts([ticket, consent], [consent, relabelled, added], sessions)).toEqual([]);
  });

  it("names the sessions whose rule uses a removed question (a changed key is a removed question)", () => {
    const renamed = { ...ticket, key: "pass" };
    expect(ruleConflicts([ticket, consent], [renamed, consent], sessions)).toEqual([
      { key: "ticket", sessions: [{ id: "ses_vip", title: "VIP lounge" }] },
    ]);
  });

  it("names a removed option a rule uses, compared as rules compare (trimmed, any case)", () => {
    const noVip = { ...ticket, options: ["standard"] };
    expect(ruleConflicts([ticket], [noVip], sessions)).toEqual([
      { key: "ticket", option: "VIP ", sessions: [{ id: "ses_vip", title: "VIP lounge" }] },
    ]);
  });

  it("treats a kind change by the values an answer can hold", () => {
    const asText: RegistrationField = { kind: "text", key: "ticket", label: "Ticket", required: true };
    expect(ruleConflicts([ticket], [asText], sessions)).toEqual([]);
    const asChoice: RegistrationField = { ...ticket, key: "photos", options: ["maybe"] };
    expect(ruleConflicts([consent], [asChoice], sessions)).toEqual([
      { key: "photos", option: "yes", sessions: [{ id: "ses_photo", title: { en: "Photo booth", nl: "Fotohoek" } }] },
    ]);
  });

  it("ignores rules on attributes that were never questions", () => {
    expect(ruleConflicts([], [], sessions)).toEqual([]);
  });

  it("finds the sessions that use a question or one option", () => {
    expect(sessionsUsing("ticket", undefined, sessions).map((s) => s.id)).toEqual(["ses_vip"]);
    expect(sessionsUsing("ticket", "vip", sessions).map((s) => s.id)).toEqual(["ses_vip"]);
    expect(sessionsUsing("ticket", "standard", sessions)).toEqual([]);
  });
});

describe("a question in one language", () => {
  it("falls back to the first language, and labels every option", () => {
    expect(fieldIn(ticket, "nl", ["en", "nl"])).toMatchObject({
      label: "Toegang",
      optionLabels: { standard: "standard", vip: "VIP" },
    });
  });
});
