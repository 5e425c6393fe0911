import * as v from "valibot";
import { SessionKind } from "./common";
import { AudienceRuleSchema } from "./events";

/** `POST /api/admin/events/:eventId/audience/count`. */
export const AudienceCountBody = v.strictObject(
  {
    rule: AudienceRuleSchema,
    kind: v.optional(SessionKind),
    sessionId: v.optional(v.pipe(v.string(), v.maxLength(64))),
  },
  "must be an object with the rule to count",
);
