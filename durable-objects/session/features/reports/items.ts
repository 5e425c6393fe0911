import type { AttendanceVisit, InteractionResult, QuestionReport } from "../../../../core/contract/interactions";

/** What the session object writes to D1 for reports, through its outbox. */
export type ReportItem =
  | ({ kind: "attendance" } & AttendanceVisit)
  | { kind: "result"; interactionId: string; title: string; closedAt: number | null; result: InteractionResult }
  | ({ kind: "question" } & QuestionReport)
  /** Two people who met in the carousel saved each other: their contact is shared (both directions). */
  | { kind: "contact"; a: string; b: string; at: number };

export const reportKey = (item: ReportItem): string => {
  switch (item.kind) {
    case "attendance":
      return `attendance:${item.visitId}`;
    case "result":
      return `result:${item.interactionId}`;
    case "question":
      return `question:${item.questionId}`;
    case "contact":
      return `contact:${[item.a, item.b].sort().join(":")}`;
    default:
      return item satisfies never;
  }
};
