import * as v from "valibot";
import { CallId } from "../../core/protocol/rtc";

/** `POST /api/sessions/:sessionId/call/join`: the session's main call, or a named one (a pair, the matrix). */
export const CallJoinBody = v.strictObject({
  call: v.optional(CallId),
  /** Staff only: a producer output page (clean feed, matrix), which receives and sends nothing. */
  output: v.optional(v.boolean()),
});

/** `PUT /api/admin/media/stages/:sessionId/channel`: link an existing IVS channel, or omit to create one. */
export const ChannelLinkBody = v.strictObject({
  channelArn: v.optional(
    v.pipe(v.string(), v.regex(/^arn:aws:ivs:[a-z0-9-]+:\d+:channel\/[A-Za-z0-9]+$/, "must be an IVS channel ARN")),
  ),
});

/** `POST /api/sessions/hub/call/join`: a 1:1 call in the event hub (always a named call). */
export const HubCallJoinBody = v.strictObject({ call: CallId });
