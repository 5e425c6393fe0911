import { AudienceCountBody } from "../schemas/programme";
import type { OperationSpec } from "./document";

const E = "/api/admin/events/{eventId}";

/** The console's programme: a rule's reach, and removing a session. */
export const programmeOperations: OperationSpec[] = [
  {
    method: "post",
    path: `${E}/audience/count`,
    summary:
      "How many registrations an audience rule reaches (the portal's own test: staff always, stream rooms never), of how many",
    tag: "events",
    auth: "admin",
    body: { schema: AudienceCountBody },
    ok: {
      status: 200,
      description: "Reached and total",
      schema: {
        type: "object",
        properties: { reached: { type: "integer" }, total: { type: "integer" } },
        required: ["reached", "total"],
      },
    },
    errors: [415, 422],
  },
  {
    method: "delete",
    path: `${E}/sessions/{sessionId}`,
    summary:
      "Remove a programme session that has not started (409 once it has, or while its stage has a media channel); its stream rooms stay, orphaned",
    tag: "events",
    auth: "admin",
    ok: {
      status: 200,
      description: "Removed",
      schema: { type: "object", properties: { deleted: { type: "string" } }, required: ["deleted"] },
    },
    errors: [409],
  },
];
