import { describe, expect, it } from "vitest";
import {
  clockStep,
  decideExtend,
  EXTEND_MS,
  IDLE_CLOCK,
  nextWake,
  startClock,
  stopClock,
  canPairMidRound,
  waitingReason,
  DEFAULT_CONFIG,
} from "../../../durable-objects/session/features/carousel/rules";
import {
  chatIdleStep,
  decideInvite,
  windowWait,
  type InviteFacts,
} from "../../../durable-objects/hub/features/invite/rules";
import { hubObject } from "../../../durable-objects/hub/features";
import { sessionObject } from "../../../durable-objects/session/features";
import type { ClientFrameType } from "../../../core/protocol";
import { CarouselLimits, InviteLimits } from "../../../core/protocol";

const NOW = 1_800_000_000_000;
const facts = (over: Partial<InviteFacts> = {}): InviteFacts => ({
  now: NOW,
  self: false,
  targetAvailable: true,
  blockedByTarget: false,
  blockedByInviter: false,
  inviterBusy: false,
  targetBusy: false,
  pending: undefined,
  outstanding: 0,
  recentByInviter: [],
  recentToTarget: [],
  lastDeclinedAt: undefined,
  ...over,
});

describe("invitation decisions", () => {
  it("lets a plain invitation through", () => {
    expect(decideInvite(facts()).ok).toBe(true);
  });

  it("answers a block exactly like invitations switched off", () => {
    const off = decideInvite(facts({ targetAvailable: false }));
    const blocked = decideInvite(facts({ blockedByTarget: true }));
    expect(blocked).toEqual(off);
    expect(off).toMatchObject({ ok: false, code: "not_allowed" });
  });

  it("limits each inviter to a number of invitations per window, saying when the oldest leaves it", () => {
    const times = Array.from(
      { length: InviteLimits.perInviterMax },
      (_, i) => NOW - 50_000 * (InviteLimits.perInviterMax - i),
    );
    const refused = decideInvite(facts({ recentByInviter: times }));
    expect(refused).toMatchObject({
      ok: false,
      code: "rate_limited",
      retryAfterMs: times[0]! + InviteLimits.perInviterWindowMs - NOW,
    });
    expect(decideInvite(facts({ recentByInviter: times.slice(1) })).ok).toBe(true);
  });

  it("keeps a declined inviter away for the cooldown", () => {
    const refused = decideInvite(facts({ lastDeclinedAt: NOW - 1_000 }));
    expect(refused).toMatchObject({ code: "rate_limited", retryAfterMs: InviteLimits.declineCooldownMs - 1_000 });
    expect(decideInvite(facts({ lastDeclinedAt: NOW - InviteLimits.declineCooldownMs })).ok).toBe(true);
  });

  it("computes window waits", () => {
    expect(windowWait([], 3, 1000, NOW)).toBe(0);
    expect(windowWait([NOW - 900, NOW - 500, NOW - 100], 3, 1000, NOW)).toBe(100);
  });

  it("ends a 1:1 only after its call stayed empty for the idle time", () => {
    expect(chatIdleStep(null, 2, NOW)).toBeNull();
    expect(chatIdleStep(null, 0, NOW)).toBe(NOW);
    expect(chatIdleStep(NOW - 1_000, 0, NOW)).toBe(NOW - 1_000);
    expect(chatIdleStep(NOW - InviteLimits.idleChatMs, 0, NOW)).toBe("end");
    expect(chatIdleStep(NOW - InviteLimits.idleChatMs, 1, NOW)).toBeNull();
  });
});

describe("carousel clock", () => {
  const config = DEFAULT_CONFIG;
  const round = CarouselLimits.defaultRoundMinutes * 60_000;
  const pause = CarouselLimits.defaultBreakSeconds * 1_000;

  it("runs rounds and breaks on one clock", () => {
    const started = startClock(IDLE_CLOCK, config, NOW);
    expect(started).toEqual({ ok: true, value: { phase: "round", round: 1, endsAt: NOW + round } });
    const clock = started.ok ? started.value : IDLE_CLOCK;
    expect(clockStep(clock, config, NOW + round - 1)).toBeUndefined();
    const brk = clockStep(clock, config, NOW + round)!;
    expect(brk).toEqual({ phase: "break", round: 1, endsAt: NOW + round + pause });
    expect(clockStep(brk, config, NOW + round + pause)).toEqual({
      phase: "round",
      round: 2,
      endsAt: NOW + 2 * round + pause,
    });
    expect(startClock(clock, config, NOW)).toMatchObject({ ok: false, code: "conflict" });
    expect(stopClock(brk)).toEqual({ ok: true, value: { phase: "idle", round: 1, endsAt: null } });
  });

  it("starts the next phase now when the alarm comes very late", () => {
    const clock = { phase: "round" as const, round: 3, endsAt: NOW };
    expect(clockStep(clock, config, NOW + 2_000)?.endsAt).toBe(NOW + pause);
    expect(clockStep(clock, config, NOW + 60_000)?.endsAt).toBe(NOW + 60_000 + pause);
  });

  it("pairs mid-round only while enough of the round is left", () => {
    const clock = { phase: "round" as const, round: 1, endsAt: NOW + CarouselLimits.minMidRoundSeconds * 1000 };
    expect(canPairMidRound(clock, NOW)).toBe(true);
    expect(canPairMidRound(clock, NOW + 1)).toBe(false);
    expect(canPairMidRound({ ...clock, phase: "break" }, NOW)).toBe(false);
    expect([waitingReason(IDLE_CLOCK), waitingReason(clock), waitingReason({ ...clock, phase: "break" })]).toEqual([
      "not_running",
      "next_round",
      "break",
    ]);
  });

  it("tells a carousel stopped after its rounds apart from one that has not started", () => {
    const stopped = stopClock({ phase: "round", round: 2, endsAt: NOW });
    expect(stopped.ok && stopped.value).toEqual({ phase: "idle", round: 2, endsAt: null });
    expect(stopped.ok && waitingReason(stopped.value)).toBe("stopped");
    expect(waitingReason(IDLE_CLOCK)).toBe("not_running");
  });

  it("extends a conversation only when everyone in it wants to, a bounded number of times", () => {
    const group = { members: ["a", "b"], votes: new Set<string>(), extensions: 0, endsAt: NOW + 60_000, ended: false };
    const one = decideExtend(group, "a", true, NOW);
    expect(one).toMatchObject({ ok: true, value: { extended: false, endsAt: NOW + 60_000 } });
    const both = decideExtend({ ...group, votes: one.ok ? one.value.votes : new Set() }, "b", true, NOW);
    expect(both).toMatchObject({
      ok: true,
      value: { extended: true, endsAt: NOW + 60_000 + EXTEND_MS, extensions: 1 },
    });
    expect(both.ok && [...both.value.votes]).toEqual([]);
    expect(decideExtend({ ...group, extensions: CarouselLimits.maxExtensions }, "a", true, NOW)).toMatchObject({
      code: "limit_reached",
    });
    expect(decideExtend(group, "c", true, NOW)).toMatchObject({ code: "not_found" });
    expect(decideExtend({ ...group, endsAt: NOW }, "a", true, NOW)).toMatchObject({ code: "closed" });
  });

  it("wakes for the earliest of its deadlines", () => {
    expect(nextWake(IDLE_CLOCK, [null, undefined])).toBeNull();
    expect(nextWake(IDLE_CLOCK, [NOW + 5])).toBe(NOW + 5);
    expect(nextWake({ phase: "round", round: 1, endsAt: NOW + 10 }, [NOW + 20, null])).toBe(NOW + 10);
  });
});

describe("which room takes which frames", () => {
  // The hub is its own object class, with its own list; a session's kind picks its features.
  const frameBelongs = (kind: string | undefined, type: ClientFrameType) =>
    (kind === "hub" ? hubObject.handler(type, kind) : sessionObject.handler(type, kind)) !== undefined;

  it("keeps invitations in the hub, the carousel in carousels, and session features out of the hub", () => {
    expect(frameBelongs("hub", "invite/send")).toBe(true);
    expect(frameBelongs("stage", "invite/send")).toBe(false);
    expect(frameBelongs("carousel", "carousel/join")).toBe(true);
    expect(frameBelongs("breakout", "carousel/join")).toBe(false);
    expect(frameBelongs("hub", "carousel/join")).toBe(false);
    expect(frameBelongs("hub", "chat/send")).toBe(false);
    expect(frameBelongs("hub", "rtc/join")).toBe(true);
    expect(frameBelongs("hub", "rtc/end")).toBe(false);
    expect(frameBelongs("carousel", "chat/send")).toBe(true);
    expect(frameBelongs(undefined, "poll/vote")).toBe(true);
    expect(frameBelongs(undefined, "carousel/join")).toBe(false);
  });

  it("migrates the invitation tables in the hub only, and the session's tables in sessions only", () => {
    const ids = (plan: { migrations: readonly { id: string }[] }) => plan.migrations.map((m) => m.id);
    expect(ids(hubObject).some((id) => id.startsWith("invite/"))).toBe(true);
    expect(ids(sessionObject).some((id) => id.startsWith("invite/"))).toBe(false);
    expect(ids(hubObject).some((id) => id.startsWith("carousel") || id.startsWith("chat"))).toBe(false);
  });
});
