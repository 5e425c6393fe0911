import type { QaModerationAction, QaStatus } from "../../../../core/protocol/qa";
import { Limits } from "../../../../core/protocol/limits";
import { ok, refuse, type Outcome } from "../../../../core/rules/outcome";
import { cleanText } from "../../../../core/rules/text";

export interface Asker {
  enabled: boolean;
  requireApproval: boolean;
  staff: boolean;
  /** Questions this person already asked in this session. */
  asked: number;
}

/** Questions everyone sees; pending and dismissed ones only staff (and the asker) see. */
export const isPublic = (status: QaStatus): boolean => status === "open" || status === "answered";

export function decideAsk(asker: Asker, raw: string): Outcome<{ text: string; status: QaStatus }> {
  if (!asker.enabled) return refuse("closed", "Questions are switched off in this session.");
  if (!asker.staff && asker.asked >= Limits.questionsPerPerson) {
    return refuse("limit_reached", `You can ask up to ${Limits.questionsPerPerson} questions in a session.`);
  }
  const text = cleanText(raw, Limits.questionChars, { multiline: true });
  if (!text.ok) return text;
  // A moderator's own question needs no approval.
  return ok({ text: text.value, status: asker.requireApproval && !asker.staff ? "pending" : "open" });
}

const transitions: Record<QaModerationAction, { from: readonly QaStatus[]; to: QaStatus }> = {
  approve: { from: ["pending"], to: "open" },
  answer: { from: ["pending", "open"], to: "answered" },
  dismiss: { from: ["pending", "open", "answered"], to: "dismissed" },
  reopen: { from: ["answered", "dismissed"], to: "open" },
};

export function moderate(status: QaStatus, action: QaModerationAction): Outcome<QaStatus> {
  const rule = transitions[action];
  if (!rule.from.includes(status))
    return refuse("conflict", `A ${status} question cannot be changed with "${action}".`);
  return ok(rule.to);
}

/**
 * One upvote per person: upvoting twice or taking back an upvote that is not there changes
 * nothing (and is not an error: two tabs can race). Only open questions take new upvotes, and
 * never from the person who asked (anonymous or not): upvotes say what the audience wants to
 * hear, and an asker's own vote would only inflate it. Taking one back always works, so an
 * upvote given before this rule can still be withdrawn.
 */
export function decideUpvote(
  question: { status: QaStatus; own: boolean },
  hasUpvote: boolean,
  up: boolean,
): Outcome<"add" | "remove" | "none"> {
  if (up === hasUpvote) return ok("none");
  if (!up) return ok("remove");
  if (question.own) return refuse("own_question", "You cannot upvote your own question.");
  if (question.status !== "open") return refuse("closed", "This question is not open for upvotes.");
  return ok("add");
}

export function decideHighlight(question: { status: QaStatus } | undefined): Outcome {
  if (!question) return refuse("not_found", "That question does not exist.");
  if (!isPublic(question.status)) return refuse("conflict", "Only questions everyone can see can be put on the stage.");
  return ok(undefined);
}
