import * as v from "valibot";
import { randomId, shape, type Route } from "../types.ts";

/** Amazon SES v2 `SendEmail` (Simple content), the only SES call Foyer makes. */
const Content = v.strictObject({ Data: v.pipe(v.string(), v.minLength(1)), Charset: v.optional(v.string()) });
const SendEmail = v.strictObject({
  FromEmailAddress: v.pipe(v.string(), v.regex(/@/, "must be an e-mail address")),
  Destination: v.strictObject({
    ToAddresses: v.pipe(
      v.array(v.pipe(v.string(), v.regex(/@/, "must be an e-mail address"))),
      v.minLength(1),
      v.maxLength(50),
    ),
    CcAddresses: v.optional(v.array(v.string())),
    BccAddresses: v.optional(v.array(v.string())),
  }),
  ReplyToAddresses: v.optional(v.array(v.string())),
  Content: v.strictObject({
    Simple: v.strictObject({
      Subject: Content,
      Body: v.pipe(
        v.strictObject({ Text: v.optional(Content), Html: v.optional(Content) }),
        v.check((b) => b.Text !== undefined || b.Html !== undefined, "needs Text or Html"),
      ),
      Headers: v.optional(v.array(v.strictObject({ Name: v.string(), Value: v.string() }))),
      Attachments: v.optional(v.array(v.record(v.string(), v.unknown()))),
    }),
  }),
  ConfigurationSetName: v.optional(v.string()),
  EmailTags: v.optional(v.array(v.strictObject({ Name: v.string(), Value: v.string() }))),
  // Optional members of the official model (sesv2 2019-09-27) Foyer does not send but AWS accepts.
  FromEmailAddressIdentityArn: v.optional(v.string()),
  FeedbackForwardingEmailAddress: v.optional(v.string()),
  FeedbackForwardingEmailAddressIdentityArn: v.optional(v.string()),
  ListManagementOptions: v.optional(v.strictObject({ ContactListName: v.string(), TopicName: v.optional(v.string()) })),
  EndpointId: v.optional(v.string()),
  TenantName: v.optional(v.string()),
});

export interface SentEmail {
  messageId: string;
  from: string;
  to: string[];
  subject: string;
  text: string | undefined;
  html: string | undefined;
  configurationSet: string | undefined;
  tags: { Name: string; Value: string }[];
}

export function sesRoutes(sent: SentEmail[]): Route[] {
  return [
    {
      method: "POST",
      path: "/v2/email/outbound-emails",
      operation: "SendEmail",
      handle(op) {
        const req = shape(SendEmail, op.body, "SendEmail");
        const messageId = `0100${randomId(20)}-000000`;
        sent.push({
          messageId,
          from: req.FromEmailAddress,
          to: req.Destination.ToAddresses,
          subject: req.Content.Simple.Subject.Data,
          text: req.Content.Simple.Body.Text?.Data,
          html: req.Content.Simple.Body.Html?.Data,
          configurationSet: req.ConfigurationSetName,
          tags: req.EmailTags ?? [],
        });
        return { status: 200, body: { MessageId: messageId } };
      },
    },
  ];
}
