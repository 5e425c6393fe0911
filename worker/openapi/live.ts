import { FollowBody } from "../schemas/live";
import type { OperationSpec } from "./document";

const count = { type: ["integer", "null"] };

/** The control room: the live figures of an event, and "send everyone to …". */
export const liveOperations: OperationSpec[] = [
  {
    method: "get",
    path: "/api/admin/events/{eventId}/live",
    summary:
      "The control room: people online in total and per open session, raised hands waiting, stages' video, invitations and tech checks (a figure a live object did not give in time is null)",
    tag: "events",
    auth: "admin",
    ok: {
      status: 200,
      description: "Live figures",
      schema: {
        type: "object",
        properties: {
          at: { type: "string", format: "date-time" },
          online: count,
          handsWaiting: { type: "integer" },
          sessions: {
            type: "array",
            items: {
              type: "object",
              properties: {
                id: { type: "string" },
                title: { type: "string" },
                kind: { type: "string" },
                when: { type: "string", enum: ["now", "soon", "later", "ended"] },
                online: count,
                handsWaiting: count,
                stage: { type: ["object", "null"] },
              },
            },
          },
          invitations: { type: "object" },
          techChecks: { type: "object" },
        },
      },
    },
  },
  {
    method: "post",
    path: "/api/admin/events/{eventId}/follow",
    summary:
      "Send everyone in the event's open sessions to this session (as a moderator's “everyone to …” does in one session)",
    tag: "events",
    auth: "admin",
    body: { schema: FollowBody },
    ok: {
      status: 200,
      description: "Sent; sessions that did not answer are listed in unreached",
      schema: {
        type: "object",
        properties: {
          sessionId: { type: "string" },
          sentFrom: { type: "array", items: { type: "string" } },
          unreached: { type: "array", items: { type: "string" } },
        },
      },
    },
    errors: [409, 415, 422],
  },
];
