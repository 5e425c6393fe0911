import {
  CarouselLimits,
  type CarouselConfig,
  type CarouselPhase,
  type CarouselWaitReason,
} from "../../../../core/protocol/carousel";
import { ok, refuse, type Outcome } from "../../../../core/rules/outcome";

/**
 * The carousel's clock and its small decisions, pure (unit-tested directly). Pairing itself is
 * `carousel-pairing.ts`; storage and sockets are the handlers' business.
 */
export interface CarouselClock {
  phase: CarouselPhase;
  round: number;
  endsAt: number | null;
}

export const IDLE_CLOCK: CarouselClock = { phase: "idle", round: 0, endsAt: null };

export const DEFAULT_CONFIG: CarouselConfig = {
  roundMinutes: CarouselLimits.defaultRoundMinutes,
  breakSeconds: CarouselLimits.defaultBreakSeconds,
  rules: [],
};

export const roundMs = (c: CarouselConfig) => c.roundMinutes * 60_000;
export const breakMs = (c: CarouselConfig) => c.breakSeconds * 1_000;
export const EXTEND_MS = CarouselLimits.extendMinutes * 60_000;
export const GRACE_MS = CarouselLimits.dropGraceSeconds * 1_000;
export const MIN_MID_ROUND_MS = CarouselLimits.minMidRoundSeconds * 1_000;

/** A moderator starts the rounds: the first begins at once. */
export function startClock(clock: CarouselClock, config: CarouselConfig, now: number): Outcome<CarouselClock> {
  if (clock.phase !== "idle") return refuse("conflict", "The carousel is already running.");
  return ok({ phase: "round", round: clock.round + 1, endsAt: now + roundMs(config) });
}

export function stopClock(clock: CarouselClock): Outcome<CarouselClock> {
  if (clock.phase === "idle") return refuse("conflict", "The carousel is not running.");
  return ok({ ...clock, phase: "idle", endsAt: null });
}

/**
 * One tick of the shared clock, if its phase is over: a round turns into a break, a break into the
 * next round. Lengths changed by a moderator apply from the next phase on.
 */
export function clockStep(clock: CarouselClock, config: CarouselConfig, now: number): CarouselClock | undefined {
  if (clock.phase === "idle" || clock.endsAt === null || clock.endsAt > now) return undefined;
  const length = clock.phase === "round" ? breakMs(config) : roundMs(config);
  // A slightly late alarm keeps the rhythm from when the phase was due; one so late that the next
  // phase would already be over starts it now instead, so nobody gets a round of zero seconds.
  const from = now - clock.endsAt < length / 2 ? clock.endsAt : now;
  return clock.phase === "round"
    ? { phase: "break", round: clock.round, endsAt: from + length }
    : { phase: "round", round: clock.round + 1, endsAt: from + length };
}

/** People freed or arriving mid-round are paired only while enough of the round is left to talk. */
export const canPairMidRound = (clock: CarouselClock, now: number): boolean =>
  clock.phase === "round" && clock.endsAt !== null && clock.endsAt - now >= MIN_MID_ROUND_MS;

/** What someone waiting is told, when nothing more specific applies. */
export function waitingReason(clock: CarouselClock): CarouselWaitReason {
  switch (clock.phase) {
    case "idle":
      // Idle after a round is a carousel that was stopped, not one still to start.
      return clock.round > 0 ? "stopped" : "not_running";
    case "round":
      return "next_round";
    case "break":
      return "break";
    default:
      return clock.phase satisfies never;
  }
}

export interface ExtendInput {
  /** Current members of the group (those who left are not asked). */
  members: readonly string[];
  votes: ReadonlySet<string>;
  extensions: number;
  endsAt: number;
  ended: boolean;
}

export type ExtendResult = { votes: Set<string>; extended: boolean; endsAt: number; extensions: number };

/** "Extend this conversation": applied when every current member wants it, a bounded number of times. */
export function decideExtend(
  group: ExtendInput | undefined,
  me: string,
  want: boolean,
  now: number,
): Outcome<ExtendResult> {
  if (!group?.members.includes(me))
    return refuse("not_found", "You are not in that conversation.", { field: "groupId" });
  if (group.ended || group.endsAt <= now) return refuse("closed", "That conversation is over.", { field: "groupId" });
  if (want && group.extensions >= CarouselLimits.maxExtensions) {
    return refuse("limit_reached", `A conversation can be extended ${CarouselLimits.maxExtensions} times.`, {
      field: "groupId",
    });
  }
  const votes = new Set(group.votes);
  if (want) votes.add(me);
  else votes.delete(me);
  if (want && group.members.every((m) => votes.has(m))) {
    return ok({ votes: new Set(), extended: true, endsAt: group.endsAt + EXTEND_MS, extensions: group.extensions + 1 });
  }
  return ok({ votes, extended: false, endsAt: group.endsAt, extensions: group.extensions });
}

/** When the alarm must run next: the phase's end, an extended group's end, a dropped person's grace. */
export function nextWake(clock: CarouselClock, times: readonly (number | null | undefined)[]): number | null {
  const all = [clock.phase === "idle" ? null : clock.endsAt, ...times].filter(
    (t): t is number => typeof t === "number",
  );
  return all.length > 0 ? Math.min(...all) : null;
}
