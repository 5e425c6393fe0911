import * as v from "valibot";

export const FollowBody = v.strictObject({
  sessionId: v.pipe(v.string("must be a session id"), v.regex(/^[A-Za-z0-9_-]{1,64}$/, "must be a session id")),
});
