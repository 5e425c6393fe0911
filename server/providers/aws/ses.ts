import type { AwsConfig } from "../../config";
import { EmailError, type EmailMessage, type EmailProvider } from "../email";
import { AwsApi } from "./client";
import { AwsError } from "./errors";

interface SendEmailResponse {
  MessageId: string;
}

/**
 * Worth trying again later: account-level pauses that lift once the account is fixed, and
 * LimitExceededException (SES v2's sending quota or rate, which lifts with time).
 */
const LATER = /SendingPaused|AccountSuspended|AccountSendingPaused|LimitExceeded/;

/**
 * Amazon SES v2 `SendEmail` with simple content. SendEmail has no idempotency token, so the call
 * is never retried inside one attempt (AwsApi retries only idempotent calls); the invitation state
 * machine decides about later attempts.
 */
export class SesEmail implements EmailProvider {
  readonly name = "ses" as const;
  private readonly api: AwsApi;

  constructor(
    aws: AwsConfig,
    private readonly from: string,
    private readonly configurationSet: string | undefined,
  ) {
    this.api = new AwsApi(aws);
  }

  async send(message: EmailMessage): Promise<{ messageId: string }> {
    try {
      const out = await this.api.call<SendEmailResponse>("ses", {
        operation: "SendEmail",
        method: "POST",
        path: "/v2/email/outbound-emails",
        body: {
          FromEmailAddress: this.from,
          Destination: { ToAddresses: [message.to] },
          Content: {
            Simple: {
              Subject: { Data: message.subject, Charset: "UTF-8" },
              Body: { Text: { Data: message.text, Charset: "UTF-8" }, Html: { Data: message.html, Charset: "UTF-8" } },
            },
          },
          ...(this.configurationSet ? { ConfigurationSetName: this.configurationSet } : {}),
          // Lets SES event destinations (bounces, complaints) be traced back to the invitation.
          EmailTags: [{ Name: "foyer-message", Value: message.key.replace(/[^A-Za-z0-9_-]/g, "_") }],
        },
      });
      return { messageId: out.MessageId };
    } catch (err) {
      if (err instanceof AwsError) {
        const retryable = err.retryable || err.credentials || LATER.test(err.code);
        throw new EmailError(`SES ${err.code} (${err.status}): ${err.message.replace(/^.*?: /, "")}`, retryable);
      }
      throw new EmailError(`SES call failed: ${err instanceof Error ? err.message : String(err)}`, true);
    }
  }
}
