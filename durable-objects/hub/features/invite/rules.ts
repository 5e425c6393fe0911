import { InviteLimits } from "../../../../core/protocol/invite";
import { done, refuse, type Outcome } from "../../../../core/rules/outcome";

/**
 * Whether a 1:1 invitation may be sent, as a pure decision over what the hub knows (unit-tested
 * directly). Someone who is unlisted, has invitations off or blocked the inviter gets the same
 * refusal: an inviter never learns that they were blocked.
 */
export interface InviteFacts {
  now: number;
  self: boolean;
  /** Listed in the directory, invitations on, same event, link not revoked. */
  targetAvailable: boolean;
  blockedByTarget: boolean;
  /** The inviter blocked the target themselves. */
  blockedByInviter: boolean;
  inviterBusy: boolean;
  targetBusy: boolean;
  /** A waiting invitation between the two already, and who sent it. */
  pending: "outgoing" | "incoming" | undefined;
  outstanding: number;
  /** When the inviter sent each invitation of the last `perInviterWindowMs`, oldest first. */
  recentByInviter: readonly number[];
  /** When the inviter invited this target in the last `perPairWindowMs`, oldest first. */
  recentToTarget: readonly number[];
  /** When the target last declined this inviter. */
  lastDeclinedAt: number | undefined;
}

const slowDown = (message: string, retryAfterMs: number) =>
  refuse("rate_limited", message, { retryAfterMs: Math.max(1, Math.ceil(retryAfterMs)) });

/** How long until the oldest of `times` leaves a window that holds at most `max`, or 0 when there is room. */
export function windowWait(times: readonly number[], max: number, windowMs: number, now: number): number {
  if (times.length < max) return 0;
  return times[times.length - max]! + windowMs - now;
}

export function decideInvite(f: InviteFacts): Outcome {
  if (f.self) return refuse("not_allowed", "You cannot invite yourself.", { field: "to" });
  if (!f.targetAvailable || f.blockedByTarget)
    return refuse("not_allowed", "This person is not taking invitations right now.", { field: "to" });
  if (f.blockedByInviter)
    return refuse("conflict", "You blocked this person. Unblock them to invite them.", { field: "to" });
  if (f.inviterBusy) return refuse("conflict", "You are in a one-to-one already. End it first.");
  if (f.targetBusy)
    return refuse("conflict", "This person is in another conversation. Try again later.", { field: "to" });
  if (f.pending === "outgoing")
    return refuse("conflict", "Your invitation to this person is still waiting for an answer.", { field: "to" });
  if (f.pending === "incoming")
    return refuse("conflict", "This person has invited you: answer their invitation instead.", { field: "to" });
  if (f.outstanding >= InviteLimits.maxOutstanding) {
    return refuse(
      "limit_reached",
      `At most ${InviteLimits.maxOutstanding} invitations can wait for an answer at once.`,
    );
  }
  if (f.lastDeclinedAt !== undefined && f.now - f.lastDeclinedAt < InviteLimits.declineCooldownMs) {
    return slowDown(
      "This person declined your last invitation. Give them some time.",
      f.lastDeclinedAt + InviteLimits.declineCooldownMs - f.now,
    );
  }
  const pairWait = windowWait(f.recentToTarget, InviteLimits.perPairMax, InviteLimits.perPairWindowMs, f.now);
  if (pairWait > 0) return slowDown("You have invited this person several times already.", pairWait);
  const inviterWait = windowWait(f.recentByInviter, InviteLimits.perInviterMax, InviteLimits.perInviterWindowMs, f.now);
  if (inviterWait > 0) return slowDown("You have sent many invitations in a short time.", inviterWait);
  return done;
}

export type Answerable = { state: string; to_id: string; from_id: string; expires_at: number };

/** The invitee answers: only their own invitation, only while it waits and has not lapsed. */
export function decideAnswer(invite: Answerable | undefined, me: string, now: number): Outcome {
  if (!invite || invite.to_id !== me)
    return refuse("not_found", "That invitation does not exist.", { field: "inviteId" });
  if (invite.state !== "pending" || invite.expires_at <= now)
    return refuse("closed", "That invitation is no longer open.", { field: "inviteId" });
  return done;
}

/** The inviter takes it back, while it waits. */
export function decideWithdraw(invite: Answerable | undefined, me: string): Outcome {
  if (!invite || invite.from_id !== me)
    return refuse("not_found", "That invitation does not exist.", { field: "inviteId" });
  if (invite.state !== "pending")
    return refuse("closed", "That invitation was already answered.", { field: "inviteId" });
  return done;
}

/** A 1:1 is over when its call has been empty for `idleChatMs`. Returns the new idle mark, or "end". */
export function chatIdleStep(idleSince: number | null, peopleInCall: number, now: number): number | null | "end" {
  if (peopleInCall > 0) return null;
  if (idleSince === null) return now;
  return now - idleSince >= InviteLimits.idleChatMs ? "end" : idleSince;
}
