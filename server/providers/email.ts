import type { Config } from "../config";
import type { Db } from "../db/client";
import { SesEmail } from "./aws/ses";
import { OutboxEmail } from "./local/outbox";

/** One e-mail to one person. */
export interface EmailMessage {
  /** Stable per logical message (the invitation id): providers that can, deliver a key once. */
  key: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The event an invitation belongs to; null for organizer e-mails. */
  eventId: string | null;
  /** Organizer e-mails (member invitations) belong to a workspace: its owners see them in the outbox. */
  workspaceId?: string | null;
}

export interface EmailProvider {
  readonly name: Config["email"];
  /** Resolves once the provider accepted the message; throws EmailError otherwise. */
  send(message: EmailMessage): Promise<{ messageId: string }>;
}

/** A refused or failed send, with whether a later attempt may succeed. */
export class EmailError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = "EmailError";
  }
}

export function emailProvider(config: Config, db: Db): EmailProvider {
  switch (config.email) {
    case "outbox":
      return new OutboxEmail(db);
    case "ses":
      // config.ts guarantees the AWS settings and SES_FROM when EMAIL_PROVIDER=ses.
      return new SesEmail(config.aws!, config.sesFrom!, config.sesConfigurationSet);
    default:
      return config.email satisfies never;
  }
}
