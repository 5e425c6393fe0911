import type { AttributeCondition, AttributeValue, AudienceRule } from "../contract/index";
import { isStaff, type Role } from "../protocol/identity";

export interface AudienceSubject {
  role: Role;
  attributes: Record<string, AttributeValue>;
  selections: readonly string[];
}

/** Attribute values compare case-insensitively and trimmed; a multi-choice value matches if any of its values does. */
const norm = (s: string) => s.trim().toLowerCase();

function valuesOf(value: AttributeValue | undefined): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map(norm).filter((s) => s !== "");
}

export function conditionHolds(condition: AttributeCondition, attributes: Record<string, AttributeValue>): boolean {
  const have = valuesOf(attributes[condition.attribute]);
  const wanted = condition.values.map(norm);
  const any = have.some((h) => wanted.includes(h));
  switch (condition.op) {
    case "eq":
    case "in":
      return any;
    case "neq":
    case "not_in":
      return !any;
    default:
      return condition.op satisfies never;
  }
}

/** May this person see (and join) the session? Staff see every session of their event. */
export function inAudience(rule: AudienceRule, sessionId: string, subject: AudienceSubject): boolean {
  if (isStaff(subject.role)) return true;
  switch (rule.kind) {
    case "everyone":
      return true;
    case "selected":
      return subject.selections.includes(sessionId);
    case "attributes":
      return rule.conditions.every((c) => conditionHolds(c, subject.attributes));
    default:
      return rule satisfies never;
  }
}
