import type { ReportItem } from "../../../../server/db/reports";

/** What the session object writes to D1 for reports (the rows' shape lives beside their tables). */
export type { ReportItem };

export const reportKey = (item: ReportItem): string => {
  switch (item.kind) {
    case "attendance":
      return `attendance:${item.visitId}`;
    case "result":
      return `result:${item.interactionId}`;
    case "question":
      return `question:${item.questionId}`;
    case "activity":
      return `activity:${item.registrationId}`;
    case "contact":
      return `contact:${[item.a, item.b].sort().join(":")}`;
    case "meeting":
      return `meeting:${item.meetingId}`;
    default:
      return item satisfies never;
  }
};
