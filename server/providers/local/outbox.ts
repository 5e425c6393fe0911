import type { Db } from "../../db/client";
import { storeOutboxMessage } from "../../db/outbox";
import { newId } from "../../ids";
import { EmailError, type EmailMessage, type EmailProvider } from "../email";

/**
 * The local e-mail provider: messages go into a D1 table that the admin API and pages show.
 * Keyed by the message key, so a send repeated after a crash stores the message once.
 */
export class OutboxEmail implements EmailProvider {
  readonly name = "outbox" as const;

  constructor(private readonly db: Db) {}

  async send(message: EmailMessage): Promise<{ messageId: string }> {
    try {
      const id = await storeOutboxMessage(this.db, {
        id: newId("msg"),
        messageKey: message.key,
        eventId: message.eventId,
        workspaceId: message.workspaceId ?? null,
        toAddress: message.to,
        subject: message.subject,
        textBody: message.text,
        htmlBody: message.html,
        createdAt: Date.now(),
      });
      if (!id) throw new Error("the outbox row vanished");
      return { messageId: id };
    } catch (err) {
      throw new EmailError(`Outbox write failed: ${err instanceof Error ? err.message : String(err)}`, true);
    }
  }
}
