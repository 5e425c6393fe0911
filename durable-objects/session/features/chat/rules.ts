import { Limits } from "../../../../core/protocol/limits";
import { ok, refuse, type Outcome } from "../../../../core/rules/outcome";
import { take, type Bucket } from "../../../runtime/rate-limit";
import { cleanText } from "../../../../core/rules/text";

export interface ChatSender {
  enabled: boolean;
  muted: boolean;
  /** Staff write announcements: no rate limit, and they cannot be muted. */
  staff: boolean;
  bucket: Bucket | undefined;
}

export const chatRate = { burst: Limits.chatBurst, refillMs: Limits.chatRefillMs } as const;

/**
 * Decides whether a message may be sent. The rate limit is checked last, so a refused message
 * (empty, too long, muted) does not use up the person's allowance.
 */
export function decideSend(
  sender: ChatSender,
  raw: string,
  now: number,
): Outcome<{ text: string; bucket: Bucket | undefined }> {
  if (!sender.enabled) return refuse("closed", "The chat is switched off in this session.");
  if (sender.muted && !sender.staff) return refuse("muted", "A moderator muted you in this chat.");
  const text = cleanText(raw, Limits.chatChars, { multiline: true });
  if (!text.ok) return text;
  if (sender.staff) return ok({ text: text.value, bucket: sender.bucket });
  const allowance = take(sender.bucket, chatRate, now);
  if (!allowance.ok) {
    return refuse(
      "rate_limited",
      `You are sending messages quickly. Try again in ${Math.ceil(allowance.retryAfterMs / 1000)} s.`,
      {
        retryAfterMs: allowance.retryAfterMs,
      },
    );
  }
  return ok({ text: text.value, bucket: allowance.bucket });
}

export function decideMute(target: { exists: boolean; staff: boolean }): Outcome {
  if (!target.exists) return refuse("not_found", "That person has not written in this session.");
  if (target.staff) return refuse("conflict", "Moderators and producers cannot be muted.");
  return ok(undefined);
}
