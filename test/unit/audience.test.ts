import { describe, expect, it } from "vitest";
import type { AudienceRule } from "../../core/contract/index";
import { inAudience, type AudienceSubject } from "../../core/rules/audience";

const vipOrSpeakerInDutch: AudienceRule = {
  kind: "attributes",
  conditions: [
    { attribute: "ticket", op: "in", values: ["vip", "speaker"] },
    { attribute: "language", op: "eq", values: ["nl"] },
  ],
};
const notStudents: AudienceRule = {
  kind: "attributes",
  conditions: [{ attribute: "ticket", op: "not_in", values: ["student"] }],
};
const interestedInAi: AudienceRule = {
  kind: "attributes",
  conditions: [{ attribute: "interests", op: "in", values: ["ai"] }],
};

const person = (
  attributes: AudienceSubject["attributes"],
  selections: string[] = [],
  role: AudienceSubject["role"] = "participant",
) => ({
  role,
  attributes,
  selections,
});

describe("audience rules", () => {
  it.each([
    ["everyone sees an open session", { kind: "everyone" } as AudienceRule, person({}), true],
    ["selected: chose it", { kind: "selected" } as AudienceRule, person({}, ["ses_1"]), true],
    ["selected: did not choose it", { kind: "selected" } as AudienceRule, person({}, ["ses_2"]), false],
    ["vip in nl", vipOrSpeakerInDutch, person({ ticket: "vip", language: "nl" }), true],
    ["speaker in nl, odd case and spaces", vipOrSpeakerInDutch, person({ ticket: " Speaker ", language: "NL" }), true],
    ["vip in en", vipOrSpeakerInDutch, person({ ticket: "vip", language: "en" }), false],
    ["standard in nl", vipOrSpeakerInDutch, person({ ticket: "standard", language: "nl" }), false],
    ["missing attributes", vipOrSpeakerInDutch, person({}), false],
    ["not_in: standard ticket", notStudents, person({ ticket: "standard" }), true],
    ["not_in: student ticket", notStudents, person({ ticket: "student" }), false],
    ["not_in: no ticket at all", notStudents, person({}), true],
    ["multi-choice contains the value", interestedInAi, person({ interests: ["design", "ai"] }), true],
    ["multi-choice without the value", interestedInAi, person({ interests: ["design"] }), false],
    ["empty multi-choice", interestedInAi, person({ interests: [] }), false],
    ["moderators see every session", vipOrSpeakerInDutch, person({}, [], "moderator"), true],
    ["producers see every session", { kind: "selected" } as AudienceRule, person({}, [], "producer"), true],
  ])("%s", (_, rule, subject, expected) => {
    expect(inAudience(rule, "ses_1", subject)).toBe(expected);
  });
});
